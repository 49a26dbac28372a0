/*
 * A real OpenID Connect provider on loopback for the SSO test. It signs in
 * whoever asks as SSO_EMAIL, like a company IdP with one account.
 */
import { OAuth2Server } from "oauth2-mock-server";
import { OIDC_PORT, SSO_EMAIL } from "./env";

async function main() {
  const server = new OAuth2Server();
  await server.issuer.keys.generate("RS256");
server.service.on("beforeTokenSigning", (token) => {
  token.payload.sub = "sso-subject-1";
  token.payload.email = SSO_EMAIL;
  token.payload.email_verified = true;
  token.payload.name = "Sasha SSO";
});
server.service.on("beforeUserinfo", (response) => {
  response.body = { sub: "sso-subject-1", email: SSO_EMAIL, email_verified: true, name: "Sasha SSO" };
});
  await server.start(OIDC_PORT, "127.0.0.1");
  // Trellis is configured with the 127.0.0.1 address; the discovery document must name the same issuer.
  server.issuer.url = `http://127.0.0.1:${OIDC_PORT}`;
  console.log(`mock OIDC issuer at ${server.issuer.url}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
