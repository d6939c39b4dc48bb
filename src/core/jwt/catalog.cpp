// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog.h"

#include <QCoreApplication>

namespace Jwt {

namespace {

struct Entry
{
    const char *name;
    const char *text;
};

// QT_TRANSLATE_NOOP marks the texts for lupdate; translate() looks them up.
const Entry headerEntries[] = {
    {"alg", QT_TRANSLATE_NOOP("Jwt::Catalog", "Algorithm used to sign the token. The key, not this value, decides what is accepted.")},
    {"typ", QT_TRANSLATE_NOOP("Jwt::Catalog", "Media type of the whole token, usually \"JWT\".")},
    {"cty", QT_TRANSLATE_NOOP("Jwt::Catalog", "Content type of the payload; \"JWT\" means a nested token.")},
    {"kid", QT_TRANSLATE_NOOP("Jwt::Catalog", "Key ID: which of the issuer's keys signed the token.")},
    {"jku", QT_TRANSLATE_NOOP("Jwt::Catalog", "URL of a key set named by the token itself. Never fetched or trusted.")},
    {"jwk", QT_TRANSLATE_NOOP("Jwt::Catalog", "A public key embedded by the token itself. Never trusted.")},
    {"x5u", QT_TRANSLATE_NOOP("Jwt::Catalog", "URL of an X.509 certificate named by the token itself. Never fetched or trusted.")},
    {"x5c", QT_TRANSLATE_NOOP("Jwt::Catalog", "X.509 certificate chain embedded by the token itself. Never trusted.")},
    {"x5t", QT_TRANSLATE_NOOP("Jwt::Catalog", "SHA-1 thumbprint of the signing certificate.")},
    {"x5t#S256", QT_TRANSLATE_NOOP("Jwt::Catalog", "SHA-256 thumbprint of the signing certificate.")},
    {"crit", QT_TRANSLATE_NOOP("Jwt::Catalog", "Extensions the reader must understand, or else reject the token.")},
    {"b64", QT_TRANSLATE_NOOP("Jwt::Catalog", "false means the payload is not base64url-encoded (RFC 7797).")},
    {"enc", QT_TRANSLATE_NOOP("Jwt::Catalog", "Content encryption algorithm of an encrypted token (JWE).")},
    {"zip", QT_TRANSLATE_NOOP("Jwt::Catalog", "Compression applied before encryption (JWE).")},
};

const Entry claimEntries[] = {
    {"iss", QT_TRANSLATE_NOOP("Jwt::Catalog", "Issuer: who created and signed the token.")},
    {"sub", QT_TRANSLATE_NOOP("Jwt::Catalog", "Subject: the user or thing the token is about.")},
    {"aud", QT_TRANSLATE_NOOP("Jwt::Catalog", "Audience: the services that should accept the token.")},
    {"exp", QT_TRANSLATE_NOOP("Jwt::Catalog", "Expiration time: the token must be refused from then on.")},
    {"nbf", QT_TRANSLATE_NOOP("Jwt::Catalog", "Not before: the token must be refused until then.")},
    {"iat", QT_TRANSLATE_NOOP("Jwt::Catalog", "Issued at: when the token was created.")},
    {"jti", QT_TRANSLATE_NOOP("Jwt::Catalog", "JWT ID: a unique identifier, used to detect replays and revoke.")},
    {"azp", QT_TRANSLATE_NOOP("Jwt::Catalog", "Authorized party: the client the token was issued to.")},
    {"nonce", QT_TRANSLATE_NOOP("Jwt::Catalog", "Value from the login request, binding the token to it.")},
    {"auth_time", QT_TRANSLATE_NOOP("Jwt::Catalog", "When the user actually authenticated.")},
    {"scope", QT_TRANSLATE_NOOP("Jwt::Catalog", "Permissions granted, separated by spaces.")},
    {"sid", QT_TRANSLATE_NOOP("Jwt::Catalog", "Session ID at the issuer.")},
    {"name", QT_TRANSLATE_NOOP("Jwt::Catalog", "The user's full name.")},
    {"email", QT_TRANSLATE_NOOP("Jwt::Catalog", "The user's e-mail address.")},
    {"email_verified", QT_TRANSLATE_NOOP("Jwt::Catalog", "Whether the issuer verified the e-mail address.")},
    {"preferred_username", QT_TRANSLATE_NOOP("Jwt::Catalog", "The name the user likes to be called by.")},
    {"updated_at", QT_TRANSLATE_NOOP("Jwt::Catalog", "When the user's profile last changed.")},
    {"client_id", QT_TRANSLATE_NOOP("Jwt::Catalog", "The OAuth client the token was issued to.")},
    {"roles", QT_TRANSLATE_NOOP("Jwt::Catalog", "Roles of the subject.")},
    {"groups", QT_TRANSLATE_NOOP("Jwt::Catalog", "Groups of the subject.")},
    {"act", QT_TRANSLATE_NOOP("Jwt::Catalog", "Actor: who acts on behalf of the subject (token exchange).")},
    {"cnf", QT_TRANSLATE_NOOP("Jwt::Catalog", "Confirmation: the key the holder must prove to possess.")},
};

template<size_t N>
QString lookup(const Entry (&entries)[N], const QString &name)
{
    for (const Entry &e : entries)
        if (name == QLatin1String(e.name))
            return QCoreApplication::translate("Jwt::Catalog", e.text);
    return {};
}

} // namespace

QString explainHeaderParameter(const QString &name)
{
    return lookup(headerEntries, name);
}

QString explainClaim(const QString &name)
{
    return lookup(claimEntries, name);
}

} // namespace Jwt
