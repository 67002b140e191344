import { describe, expect, it } from 'vitest';
import { isAlternativeProfileUrl, normaliseCompanyName, normaliseDomain, normaliseEmail, normaliseFacebookUrl, normaliseLinkedinUrl, splitFullName } from '../../src/shared/normalise';

describe('normaliseEmail', () => {
  it.each([
    ['ada@example.com', 'ada@example.com'],
    ['  Ada.Lovelace@Example.COM ', 'ada.lovelace@example.com'],
    ['mailto:Ada@example.com', 'ada@example.com'],
    ['ada+news@mail.example.co.uk', 'ada+news@mail.example.co.uk'],
    ['first_last-1@sub-domain.example.io', 'first_last-1@sub-domain.example.io'],
    ['ada@example', null],
    ['ada@@example.com', null],
    ['ada@b@example.com', null],
    ['@example.com', null],
    ['ada example@example.com', null],
    ['ada.example.com', null],
    ['ada@.com', null],
    ['ada@example..com', null],
    ['', null],
    ['   ', null],
    [null, null],
    [undefined, null],
  ])('%j -> %j', (input, expected) => expect(normaliseEmail(input)).toBe(expected));
});

describe('normaliseDomain', () => {
  it.each([
    ['example.com', 'example.com'],
    ['Example.COM', 'example.com'],
    ['www.example.com', 'example.com'],
    ['https://www.Example.com/about?x=1#team', 'example.com'],
    ['http://example.com:8080/', 'example.com'],
    ['example.com.', 'example.com'],
    ['//cdn.example.com/x.js', 'cdn.example.com'],
    ['shop.example.co.uk/path', 'shop.example.co.uk'],
    ['ada@Example.com', 'example.com'],
    ['mailto:ada@example.com', 'example.com'],
    ['https://user:pw@example.com/', 'example.com'],
    ['  www.example.org  ', 'example.org'],
    ['example.com?ref=x', 'example.com'],
    ['localhost', null],
    ['not a domain', null],
    ['https://', null],
    ['', null],
    [null, null],
  ])('%j -> %j', (input, expected) => expect(normaliseDomain(input)).toBe(expected));
});

describe('normaliseLinkedinUrl', () => {
  it.each([
    ['https://www.linkedin.com/in/ada', 'linkedin.com/in/ada'],
    ['HTTPS://www.LinkedIn.com/in/Ada/?trk=x', 'linkedin.com/in/ada'],
    ['linkedin.com/in/ada/', 'linkedin.com/in/ada'],
    ['www.linkedin.com/in/ada-lovelace-1a2b3c', 'linkedin.com/in/ada-lovelace-1a2b3c'],
    ['http://fr.linkedin.com/in/ada', 'linkedin.com/in/ada'],
    ['https://uk.linkedin.com/in/ada#experience', 'linkedin.com/in/ada'],
    ['https://www.linkedin.com/in/ada/details/experience/', 'linkedin.com/in/ada'],
    ['https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa/', 'linkedin.com/in/josé-garcía'],
    ['https://www.linkedin.com/in/Jos%C3%A9?originalSubdomain=es', 'linkedin.com/in/josé'],
    ['https://www.linkedin.com/in/100%-sales', 'linkedin.com/in/100%-sales'],
    ['https://www.linkedin.com/company/Acme-Corp/about/', 'linkedin.com/company/acme-corp'],
    ['linkedin.com/company/1035', 'linkedin.com/company/1035'],
    ['https://m.linkedin.com/company/acme?trk=public', 'linkedin.com/company/acme'],
    ['https://www.linkedin.com:443/in/ada', 'linkedin.com/in/ada'],
    ['https://www.linkedin.com/feed/', null],
    ['https://www.linkedin.com/in/', null],
    ['https://notlinkedin.com/in/ada', null],
    ['https://linkedin.com.evil.io/in/ada', null],
    ['https://www.facebook.com/ada', null],
    ['', null],
    [null, null],
  ])('%j -> %j', (input, expected) => expect(normaliseLinkedinUrl(input)).toBe(expected));
});

describe('normaliseFacebookUrl', () => {
  it.each([
    ['https://www.facebook.com/ada.lovelace', 'facebook.com/ada.lovelace'],
    ['https://m.facebook.com/Ada.Lovelace/', 'facebook.com/ada.lovelace'],
    ['https://web.facebook.com/ada.lovelace?ref=bookmarks', 'facebook.com/ada.lovelace'],
    ['facebook.com/ada.lovelace#about', 'facebook.com/ada.lovelace'],
    ['http://fr-fr.facebook.com/acme', 'facebook.com/acme'],
    ['https://www.facebook.com/profile.php?id=100012345678901', 'facebook.com/profile.php?id=100012345678901'],
    ['https://m.facebook.com/profile.php?ref=x&id=42&sk=about', 'facebook.com/profile.php?id=42'],
    ['https://www.facebook.com/profile.php', null],
    ['https://www.facebook.com/groups/123456/', 'facebook.com/groups/123456'],
    ['https://www.facebook.com/pages/Acme/123', 'facebook.com/pages/acme/123'],
    ['https://www.facebook.com/caf%C3%A9.paris', 'facebook.com/café.paris'],
    ['https://www.facebook.com/', null],
    ['https://facebook.co/ada', null],
    ['https://www.linkedin.com/in/ada', null],
    ['', null],
  ])('%j -> %j', (input, expected) => expect(normaliseFacebookUrl(input)).toBe(expected));
});

describe('splitFullName', () => {
  const name = (firstName: string | null, middleName: string | null, lastName: string | null) => ({ firstName, middleName, lastName });
  it.each([
    ['Ada Lovelace', name('Ada', null, 'Lovelace')],
    ['Dr. Ada K. Lovelace', name('Ada', 'K.', 'Lovelace')],
    ['Lovelace, Ada', name('Ada', null, 'Lovelace')],
    ['Lovelace, Ada King', name('Ada', 'King', 'Lovelace')],
    ['Lovelace, Dr. Ada', name('Ada', null, 'Lovelace')],
    ['  Ada   Lovelace  ', name('Ada', null, 'Lovelace')],
    ['Ada', name('Ada', null, null)],
    ['Grace Brewster Murray Hopper', name('Grace', 'Brewster Murray', 'Hopper')],
    ['Ludwig van Beethoven', name('Ludwig', null, 'van Beethoven')],
    ['Maria de la Cruz', name('Maria', null, 'de la Cruz')],
    ['Martin Luther King Jr.', name('Martin', 'Luther', 'King')],
    ['Ada Lovelace, PhD', name('Ada', null, 'Lovelace')],
    ['Prof Alan Mathison Turing', name('Alan', 'Mathison', 'Turing')],
    ['Mr. Smith', name('Smith', null, null)],
    ['', name(null, null, null)],
    [null, name(null, null, null)],
  ])('%j', (input, expected) => expect(splitFullName(input)).toEqual(expected));
});

describe('alternative profile URL forms', () => {
  it('reads Sales Navigator links as the member id profile URL', () => {
    expect(normaliseLinkedinUrl('https://www.linkedin.com/sales/lead/ACwAAAAWjRMBtsJzBD5G7Zdx,NAME_SEARCH,xY1z?_ntb=1')).toBe('linkedin.com/in/acwaaaawjrmbtsjzbd5g7zdx');
    expect(normaliseLinkedinUrl('linkedin.com/sales/people/ACoAAB1234567890abcdefgh,name')).toBe('linkedin.com/in/acoaab1234567890abcdefgh');
    expect(normaliseLinkedinUrl('linkedin.com/sales/search')).toBeNull();
  });

  it('reads a numeric Facebook path as profile.php?id=', () => {
    expect(normaliseFacebookUrl('https://m.facebook.com/100004123456789/')).toBe('facebook.com/profile.php?id=100004123456789');
  });

  it('tells the alternative forms from the public ones', () => {
    expect(isAlternativeProfileUrl('linkedin.com/in/acwaaaawjrmbtsjzbd5g7zdx')).toBe(true);
    expect(isAlternativeProfileUrl('linkedin.com/in/ada-lovelace')).toBe(false);
    expect(isAlternativeProfileUrl('linkedin.com/in/acwaa')).toBe(false);
    expect(isAlternativeProfileUrl('facebook.com/profile.php?id=1000041')).toBe(true);
    expect(isAlternativeProfileUrl('facebook.com/ada.lovelace')).toBe(false);
  });
});

describe('normaliseCompanyName', () => {
  it.each([
    ['Acme, Inc.', 'acme'],
    ['ACME Ltd', 'acme'],
    ['Café Zürich G.m.b.H.', 'cafezurich'],
    ['Engines.io', 'enginesio'],
    ['engines  IO', 'enginesio'],
    ["O'Reilly Media Co., Ltd.", 'oreillymedia'],
    ['Company', 'company'],
    ['  ', null],
  ])('%j → %j', (input, expected) => {
    expect(normaliseCompanyName(input)).toBe(expected);
  });
});
