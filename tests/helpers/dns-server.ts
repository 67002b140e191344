import dns2 from 'dns2';

/** The records of one test domain; a name absent from the zone answers NXDOMAIN, a missing type answers no data. */
export interface DnsRecords {
  mx?: { exchange: string; priority: number }[];
  a?: string[];
  aaaa?: string[];
  /** Each entry is one TXT record (split into 255-octet strings on the wire). */
  txt?: string[];
  /** Answer SERVFAIL to every question about this name. */
  servfail?: boolean;
}

/** A real DNS server (dns2, UDP) on 127.0.0.1 answering from an editable zone. */
export interface TestDnsServer {
  /** `127.0.0.1:<port>`, for `Resolver.setServers`. */
  readonly server: string;
  /** Questions answered so far. */
  readonly queries: number;
  set(name: string, records: DnsRecords): void;
  close(): Promise<void>;
}

const { Packet } = dns2;
const RCODE = { SERVFAIL: 2, NXDOMAIN: 3 };

type Response = ReturnType<typeof Packet.createResponseFromRequest>;
type Answer = Response['answers'][number];

const chunks = (text: string): string[] => text.match(/[\s\S]{1,255}/g) ?? [''];

/** Starts a DNS server on 127.0.0.1 on a free port with the given zone (names are case-insensitive). */
export async function startDnsServer(zone: Record<string, DnsRecords> = {}): Promise<TestDnsServer> {
  const records = new Map(Object.entries(zone).map(([name, r]) => [name.toLowerCase(), r]));
  let queries = 0;
  const server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      queries++;
      const response = Packet.createResponseFromRequest(request) as Response & { header: { rcode: number } };
      const [question] = request.questions as { name: string; type?: number }[];
      const name = question?.name ?? '';
      const found = records.get(name.toLowerCase());
      const answer = (record: Record<string, unknown>) => response.answers.push({ name, class: Packet.CLASS.IN, ttl: 300, ...record } as unknown as Answer);
      if (!found) response.header.rcode = RCODE.NXDOMAIN;
      else if (found.servfail) response.header.rcode = RCODE.SERVFAIL;
      else if (question?.type === Packet.TYPE.MX) for (const mx of found.mx ?? []) answer({ type: Packet.TYPE.MX, ...mx });
      else if (question?.type === Packet.TYPE.A) for (const address of found.a ?? []) answer({ type: Packet.TYPE.A, address });
      else if (question?.type === Packet.TYPE.AAAA) for (const address of found.aaaa ?? []) answer({ type: Packet.TYPE.AAAA, address });
      else if (question?.type === Packet.TYPE.TXT) for (const text of found.txt ?? []) answer({ type: Packet.TYPE.TXT, data: chunks(text) });
      send(response);
    },
  });
  await server.listen({ udp: { port: 0, address: '127.0.0.1' } });
  const port = server.addresses().udp?.port;
  if (!port) throw new Error('the DNS server did not report its port');
  return {
    server: `127.0.0.1:${port}`,
    get queries() {
      return queries;
    },
    set(name, r) {
      records.set(name.toLowerCase(), r);
    },
    close: () => server.close(),
  };
}
