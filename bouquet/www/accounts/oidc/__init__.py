"""allauth's OpenID Connect provider with what the State's providers ask of a client (FranceConnect v2,
ProConnect): a ``nonce`` sent with each sign-in and checked in the ID token, and ``userinfo`` read when it comes
as a signed JWT (``application/jwt``), its signature, issuer and audience checked. It takes the generic
provider's place (same id ``openid_connect``, same addresses and settings), so nothing else changes."""
