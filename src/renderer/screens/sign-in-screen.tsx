/** The whole page when this browser has no session: how to get one. */
export function SignInScreen() {
  return (
    <main className="sign-in">
      <div className="sign-in-card">
        <h1>Sign in to Outpost</h1>
        <p>
          Open the one-time login URL that Outpost printed in the terminal where it started (or run <code>npm start -- --login-url</code>).
        </p>
      </div>
    </main>
  );
}
