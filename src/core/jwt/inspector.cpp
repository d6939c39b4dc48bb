// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspector.h"

#include "algorithms.h"

#include <QDateTime>

#include <QtNumeric>

#include <algorithm>
#include <limits>

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Jwt {

namespace {

constexpr qint64 maxShownTime = 253402300799;          // 9999-12-31T23:59:59Z
constexpr qint64 millisecondsThreshold = 100000000000; // year 5138 in seconds
const char *const timeClaimNames[] = {"exp", "nbf", "iat", "auth_time", "updated_at"};
// The registered ones (RFC 7519 §4.1.4-6): not a NumericDate there makes the claims invalid.
const char *const registeredTimeClaims[] = {"exp", "nbf", "iat"};

// a - b without overflow: times come from the token, anywhere in the int64 range.
qint64 difference(qint64 a, qint64 b)
{
    qint64 out = 0;
    if (qSubOverflow(a, b, &out))
        return a > b ? std::numeric_limits<qint64>::max() : std::numeric_limits<qint64>::min();
    return out;
}
const char16_t *const untrustedHeaderKeys[] = {u"jwk", u"jku", u"x5u", u"x5c"};

// RFC 7515 §4.1.11: every name in "crit" must be understood, or the token is refused.
void checkCritical(const JsonValue &header, Report &r)
{
    if (const JsonValue *b64 = header.member(u"b64");
        b64 && b64->type == JsonValue::Type::Bool && !b64->boolean) {
        r.errors.append(
            {ErrorKind::Crit,
             QCoreApplication::translate(
                 "Jwt", "the payload is not base64url-encoded (\"b64\": false, RFC 7797); "
                        "such tokens are not supported")});
    }
    const JsonValue *crit = header.member(u"crit");
    if (!crit)
        return;
    if (crit->type != JsonValue::Type::Array || crit->elements.empty()) {
        r.errors.append(
            {ErrorKind::Crit,
             QCoreApplication::translate("Jwt", "\"crit\" must be a non-empty list of names")});
        return;
    }
    QStringList unknown;
    for (const JsonValue &name : crit->elements)
        if (!name.isString() || name.text != u"b64"_s)
            unknown << (name.isString() ? name.text : toCompactJson(name));
    if (!unknown.isEmpty())
        r.errors.append(
            {ErrorKind::Crit,
             QCoreApplication::translate(
                 "Jwt", "the token requires the extension(s) %1, which Tidings does not "
                        "understand (RFC 7515 §4.1.11)")
                 .arg(unknown.join(u", "_s))});
}

void checkSignature(const Token &token, const KeySet &keys, Report &r)
{
    if (token.alg.compare(u"none"_s, Qt::CaseInsensitive) == 0) {
        r.errors.append({ErrorKind::AlgNone,
                         QCoreApplication::translate(
                             "Jwt", "\"alg\": \"%1\" means the token is not signed; it is never "
                                    "accepted as verified")
                             .arg(token.alg)});
        r.signature = SignatureVerdict::Invalid;
        return;
    }
    const auto alg = findAlgorithm(token.alg);
    if (!alg) {
        r.errors.append(
            {ErrorKind::UnsupportedAlg,
             token.header->member(u"alg")
                 ? QCoreApplication::translate("Jwt", "the algorithm \"%1\" is not supported")
                       .arg(token.alg.isEmpty() ? toCompactJson(*token.header->member(u"alg"))
                                                : token.alg)
                 : QCoreApplication::translate("Jwt", "the header has no \"alg\"")});
        return;
    }
    if (!keys.error.isEmpty()) {
        r.errors.append({ErrorKind::Key, keys.error});
        return;
    }
    if (keys.keys.isEmpty())
        return; // decode only

    // A JWKS is searched by kid (RFC 7515 §4.1.4); without one, every key that fits is tried.
    QList<const CandidateKey *> candidates;
    const JsonValue *kid = token.header->member(u"kid");
    for (const CandidateKey &key : keys.keys)
        if (!keys.isJwks || !kid || (kid->isString() && key.kid == kid->text))
            candidates << &key;
    if (candidates.isEmpty()) {
        r.errors.append({ErrorKind::Key, QCoreApplication::translate(
                                             "Jwt", "no matching key: the JWKS has no key with "
                                                    "\"kid\": %1")
                                             .arg(toCompactJson(*kid))});
        r.signature =
            SignatureVerdict::NoMatchingKey; // nothing was checked: neither true nor false
        return;
    }
    QStringList mismatches;
    QList<const CandidateKey *> fitting;
    for (const CandidateKey *key : candidates) {
        const QString why = keyMismatch(*alg, *key);
        if (why.isEmpty())
            fitting << key;
        else
            mismatches << why;
    }
    if (fitting.isEmpty()) {
        mismatches.removeDuplicates();
        r.errors.append(
            {ErrorKind::AlgMismatch,
             QCoreApplication::translate("Jwt", "not verified: %1").arg(mismatches.join(u"; "_s))});
        r.signature = SignatureVerdict::Invalid;
        return;
    }
    const QByteArray input = token.signingInput();
    for (const CandidateKey *key : fitting) {
        bool ok = false;
        if (key->family == CandidateKey::Family::Hmac) {
            if (key->secret.size() < Crypto::hashSize(alg->hash))
                r.warnings.append({WarningKind::ShortSecret,
                                   QCoreApplication::translate(
                                       "Jwt", "the HMAC secret has %1 bytes; %2 needs at least %3 "
                                              "(RFC 7518 §3.2)")
                                       .arg(key->secret.size())
                                       .arg(alg->name)
                                       .arg(Crypto::hashSize(alg->hash))});
            ok = Crypto::constantTimeEquals(Crypto::hmac(alg->hash, key->secret, input),
                                            token.signature);
        } else {
            if (key->family == CandidateKey::Family::Rsa && key->key.bits() < 2048)
                r.warnings.append({WarningKind::WeakKey,
                                   QCoreApplication::translate(
                                       "Jwt", "the RSA key has only %1 bits; 2048 is the minimum "
                                              "(RFC 7518 §3.3)")
                                       .arg(key->key.bits())});
            ok = Crypto::verify(alg->scheme, alg->hash, key->key, input, token.signature);
        }
        if (ok) {
            r.signature = SignatureVerdict::Valid;
            r.keyUsed = key->description;
            return;
        }
    }
    r.signature = SignatureVerdict::Invalid;
    r.errors.append({ErrorKind::Signature,
                     fitting.size() == 1
                         ? QCoreApplication::translate("Jwt", "the signature does not match the %1")
                               .arg(fitting.first()->description)
                         : QCoreApplication::translate(
                               "Jwt", "the signature matches none of the %1 keys that fit %2")
                               .arg(fitting.size())
                               .arg(alg->name)});
}

// Returns false when a registered time claim is not a NumericDate.
bool readTimes(const JsonValue &payload, Report &r)
{
    bool valid = true;
    // In the payload's order, as the user reads them.
    for (const JsonMember &member : payload.members) {
        const QString &claim = member.name;
        if (std::none_of(std::begin(timeClaimNames), std::end(timeClaimNames),
                         [&](const char *name) { return claim == QLatin1String(name); }))
            continue;
        const JsonValue *value = &member.value;
        const auto seconds = value->toInt64();
        if (!seconds) {
            if (std::any_of(std::begin(registeredTimeClaims), std::end(registeredTimeClaims),
                            [&](const char *name) { return claim == QLatin1String(name); })) {
                valid = false;
                r.errors.append({ErrorKind::TimeClaim,
                                 QCoreApplication::translate(
                                     "Jwt", "\"%1\" is %2, not a number of seconds (RFC 7519 §2 "
                                            "NumericDate): the claims are invalid")
                                     .arg(claim, toCompactJson(*value))});
            } else {
                r.warnings.append({WarningKind::TimeNotNumber,
                                   QCoreApplication::translate(
                                       "Jwt", "\"%1\" is %2, not a number of seconds (RFC 7519 §2 "
                                              "NumericDate); it is not checked")
                                       .arg(claim, toCompactJson(*value))});
            }
            continue;
        }
        if (*seconds >= millisecondsThreshold && *seconds / 1000 < maxShownTime)
            r.warnings.append(
                {WarningKind::TimeInMilliseconds,
                 QCoreApplication::translate(
                     "Jwt", "\"%1\" is %2, which looks like milliseconds; JWT times are "
                            "seconds")
                     .arg(claim, value->text)});
        r.times.append({claim, *seconds, *seconds >= -62135596800 && *seconds <= maxShownTime});
    }
    return valid;
}

std::optional<qint64> timeOf(const Report &r, QStringView name)
{
    for (const TimeClaim &t : r.times)
        if (t.name == name)
            return t.unix;
    return std::nullopt;
}

void checkClaims(const JsonValue &payload, const InspectOptions &options, Report &r)
{
    r.claims = readTimes(payload, r) ? ClaimsVerdict::Valid : ClaimsVerdict::Rejected;
    const auto exp = timeOf(r, u"exp");
    const auto nbf = timeOf(r, u"nbf");
    const auto iat = timeOf(r, u"iat");
    const qint64 now = r.now;
    const qint64 leeway = qMax<qint64>(0, options.leeway);
    if (!payload.member(u"exp"))
        r.warnings.append(
            {WarningKind::NoExp,
             QCoreApplication::translate("Jwt", "there is no \"exp\": the token never expires")});
    // RFC 7519 §4.1.4: reject on or after exp; §4.1.5: reject before nbf (both with leeway).
    if (exp && now >= *exp && difference(now, *exp) >= leeway) {
        r.claims = ClaimsVerdict::Expired;
        r.errors.append(
            {ErrorKind::Expired,
             QCoreApplication::translate("Jwt", "expired at %1 (%2 seconds ago)")
                 .arg(QDateTime::fromSecsSinceEpoch(*exp, Qt::UTC).toString(Qt::ISODate))
                 .arg(difference(now, *exp))});
    }
    if (nbf && difference(*nbf, now) > leeway) {
        if (r.claims == ClaimsVerdict::Valid)
            r.claims = ClaimsVerdict::NotYetValid;
        r.errors.append(
            {ErrorKind::NotYetValid,
             QCoreApplication::translate("Jwt", "not valid before %1 (in %2 seconds)")
                 .arg(QDateTime::fromSecsSinceEpoch(*nbf, Qt::UTC).toString(Qt::ISODate))
                 .arg(difference(*nbf, now))});
    }
    if (iat && difference(*iat, now) > leeway)
        r.warnings.append({WarningKind::IatInFuture,
                           QCoreApplication::translate("Jwt", "\"iat\" is %1 seconds in the future")
                               .arg(difference(*iat, now))});
    const auto start = iat ? iat : nbf;
    if (exp && start && difference(*exp, *start) > 24 * 3600)
        r.warnings.append(
            {WarningKind::LongLifetime,
             QCoreApplication::translate(
                 "Jwt", "the token lives %1 hours; more than 24 hours is risky if it leaks")
                 .arg(difference(*exp, *start) / 3600)});
    if (!options.issuer.isEmpty()) {
        const JsonValue *iss = payload.member(u"iss");
        if (!iss || !iss->isString() || iss->text != options.issuer) {
            r.claims = r.claims == ClaimsVerdict::Valid ? ClaimsVerdict::Rejected : r.claims;
            r.errors.append(
                {ErrorKind::Issuer,
                 QCoreApplication::translate("Jwt", "\"iss\" is %1, expected \"%2\"")
                     .arg(iss ? toCompactJson(*iss) : QCoreApplication::translate("Jwt", "missing"),
                          options.issuer)});
        }
    }
    if (!options.audience.isEmpty()) {
        const JsonValue *aud = payload.member(u"aud");
        bool found = false;
        if (aud && aud->isString())
            found = aud->text == options.audience;
        else if (aud && aud->type == JsonValue::Type::Array)
            for (const JsonValue &a : aud->elements)
                found = found || (a.isString() && a.text == options.audience);
        if (!found) {
            r.claims = r.claims == ClaimsVerdict::Valid ? ClaimsVerdict::Rejected : r.claims;
            r.errors.append(
                {ErrorKind::Audience,
                 QCoreApplication::translate("Jwt", "\"aud\" is %1, which does not include \"%2\"")
                     .arg(aud ? toCompactJson(*aud) : QCoreApplication::translate("Jwt", "missing"),
                          options.audience)});
        }
    }
}

} // namespace

bool Report::decoded() const
{
    for (const Error &e : errors)
        if (e.kind <= ErrorKind::Json)
            return false;
    return true;
}

int Report::exitCode() const
{
    if (!decoded())
        return 2;
    return errors.isEmpty() && signature != SignatureVerdict::Invalid ? 0 : 1;
}

QStringList supportedAlgorithms()
{
    QStringList names;
    for (const Algorithm &a : allAlgorithms())
        names << a.name;
    return names;
}

Report inspect(QStringView input, const KeyInput &key, const InspectOptions &options)
{
    return inspect(decodeToken(input), readKeys(key), options);
}

Report inspect(Token token, const KeySet &keys, const InspectOptions &options)
{
    Report r;
    r.now = options.now ? *options.now : QDateTime::currentSecsSinceEpoch();
    r.token = std::move(token);
    r.errors = r.token.errors;
    r.warnings = r.token.warnings;
    if (r.token.header) {
        for (const char16_t *name : untrustedHeaderKeys)
            if (r.token.header->member(name))
                r.warnings.append(
                    {WarningKind::UntrustedHeaderKey,
                     QCoreApplication::translate(
                         "Jwt", "the header names a key in \"%1\"; keys named by the token "
                                "itself are never trusted nor fetched")
                         .arg(QStringView(name))});
    }
    // The signature covers bytes, not JSON: a payload that is not a JSON object
    // (RFC 8037's example signs plain text) can still be verified.
    const bool signable = r.token.header && r.token.segments.size() == 3 &&
                          std::none_of(r.token.errors.begin(), r.token.errors.end(),
                                       [](const Error &e) { return e.kind < ErrorKind::Json; });
    if (signable) {
        const qsizetype before = r.errors.size();
        checkCritical(*r.token.header, r);
        if (r.errors.size() == before)
            checkSignature(r.token, keys, r);
    }
    if (r.token.payload)
        checkClaims(*r.token.payload, options, r);
    sortByImportance(r.errors);
    return r;
}

} // namespace Jwt
