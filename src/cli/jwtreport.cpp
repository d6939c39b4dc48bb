// SPDX-License-Identifier: GPL-3.0-or-later
#include "jwtreport.h"

#include "core/jwt/inspector.h"
#include "core/jwt/timetext.h"
#include "platform/terminal.h"

using namespace Qt::StringLiterals;
using Jwt::JsonValue;

namespace Cli {

namespace {

JsonValue optionalString(const std::optional<QString> &text)
{
    return text ? JsonValue::string(*text) : JsonValue();
}

JsonValue segmentText(const Jwt::Token &token, int index)
{
    if (index >= token.segments.size())
        return {};
    const Jwt::Segment s = token.segments[index];
    return JsonValue::string(token.text.mid(s.start, s.length));
}

// Colours match the panel: header red, payload purple, signature blue.
const char *const segmentColours[] = {"\x1b[31m", "\x1b[35m", "\x1b[36m"};

} // namespace

bool useColour()
{
    return qEnvironmentVariableIsEmpty("NO_COLOR") && Platform::stdoutShowsAnsiColour();
}

QString reportToJson(const Jwt::Report &r)
{
    const Jwt::Token &t = r.token;
    JsonValue out = JsonValue::object();
    out.add(u"header"_s, t.header ? *t.header : JsonValue());
    out.add(u"payload"_s, t.payload ? *t.payload : JsonValue());
    out.add(u"header_text"_s, optionalString(t.headerText()));
    out.add(u"payload_text"_s, optionalString(t.payloadText()));
    out.add(u"header_pretty"_s, optionalString(Jwt::displayText(t.header, t.headerText())));
    out.add(u"payload_pretty"_s, optionalString(Jwt::displayText(t.payload, t.payloadText())));
    out.add(u"alg"_s, t.header && t.header->member(u"alg") ? *t.header->member(u"alg") : JsonValue());
    out.add(u"signature"_s, t.segments.size() == 3 ? segmentText(t, 2) : JsonValue());
    const bool checked = r.signature == Jwt::SignatureVerdict::Valid || r.signature == Jwt::SignatureVerdict::Invalid;
    out.add(u"signature_valid"_s, !checked ? JsonValue()
                                      : JsonValue::boolValue(r.signature == Jwt::SignatureVerdict::Valid));
    JsonValue &errors = out.add(u"errors"_s, JsonValue::array());
    for (const Jwt::Error &e : r.errors) {
        JsonValue &item = errors.append(JsonValue::object());
        item.add(u"kind"_s, JsonValue::string(Jwt::errorKindName(e.kind)));
        item.add(u"message"_s, JsonValue::string(e.message));
        if (e.segment >= 0)
            item.add(u"segment"_s, JsonValue::number(e.segment));
        if (e.position >= 0)
            item.add(u"position"_s, JsonValue::number(e.position));
    }
    JsonValue &warnings = out.add(u"warnings"_s, JsonValue::array());
    for (const Jwt::Warning &w : r.warnings) {
        JsonValue &item = warnings.append(JsonValue::object());
        item.add(u"kind"_s, JsonValue::string(Jwt::warningKindName(w.kind)));
        item.add(u"message"_s, JsonValue::string(w.message));
    }
    JsonValue &times = out.add(u"times"_s, JsonValue::object());
    for (const Jwt::TimeClaim &tc : r.times) {
        JsonValue &item = times.add(tc.name, JsonValue::object());
        item.add(u"unix"_s, JsonValue::number(tc.unix));
        item.add(u"utc"_s, JsonValue::string(Jwt::utcText(tc.unix)));
        item.add(u"local"_s, JsonValue::string(Jwt::localText(tc.unix)));
        item.add(u"relative"_s, JsonValue::string(Jwt::relativeText(tc.name, tc.unix, r.now)));
    }
    return Jwt::toPrettyJson(out);
}

QString reportToText(const Jwt::Report &r, bool colour)
{
    const QString reset = colour ? u"\x1b[0m"_s : QString();
    const QString bold = colour ? u"\x1b[1m"_s : QString();
    auto paint = [&](const char *code, const QString &text) {
        return colour ? QString::fromLatin1(code) + text + reset : text;
    };
    const Jwt::Token &t = r.token;
    QString out;
    // The token itself, coloured by segment like the panel.
    QString raw;
    for (qsizetype i = 0; i < t.segments.size(); ++i) {
        if (i)
            raw += u'.';
        raw += paint(segmentColours[qMin<qsizetype>(i, 2)], t.text.mid(t.segments[i].start, t.segments[i].length));
    }
    out += bold + u"Token"_s + reset + u'\n' + raw + u"\n\n"_s;
    const auto header = Jwt::displayText(t.header, t.headerText());
    const auto payload = Jwt::displayText(t.payload, t.payloadText());
    if (header)
        out += bold + u"Header"_s + reset + u'\n' + paint(segmentColours[0], *header) + u"\n\n"_s;
    if (payload)
        out += bold + u"Payload"_s + reset + u'\n' + paint(segmentColours[1], *payload) + u"\n\n"_s;
    for (const Jwt::TimeClaim &tc : r.times)
        out += u"  %1  %2  (%3, local %4)\n"_s.arg(tc.name.leftJustified(9), Jwt::utcText(tc.unix),
                                                  Jwt::relativeText(tc.name, tc.unix, r.now),
                                                  Jwt::localText(tc.unix));
    if (!r.times.isEmpty())
        out += u'\n';

    QString signature;
    switch (r.signature) {
    case Jwt::SignatureVerdict::Valid:
        signature = paint("\x1b[32m", u"verified"_s) + u" with the "_s + r.keyUsed;
        break;
    case Jwt::SignatureVerdict::Invalid: signature = paint("\x1b[31m", u"NOT verified"_s); break;
    case Jwt::SignatureVerdict::NotChecked:
        signature = u"not checked"_s + (r.decoded() ? u" (no key given)"_s : QString());
        break;
    case Jwt::SignatureVerdict::NoMatchingKey: signature = paint("\x1b[33m", u"no matching key"_s); break;
    }
    QString claims;
    switch (r.claims) {
    case Jwt::ClaimsVerdict::Valid: claims = paint("\x1b[32m", u"valid"_s); break;
    case Jwt::ClaimsVerdict::Expired: claims = paint("\x1b[31m", u"expired"_s); break;
    case Jwt::ClaimsVerdict::NotYetValid: claims = paint("\x1b[31m", u"not yet valid"_s); break;
    case Jwt::ClaimsVerdict::Rejected: claims = paint("\x1b[31m", u"rejected"_s); break;
    case Jwt::ClaimsVerdict::NotChecked: claims = u"not checked"_s; break;
    }
    out += bold + u"Signature: "_s + reset + signature + u'\n';
    out += bold + u"Claims:    "_s + reset + claims + u'\n';
    for (const Jwt::Error &e : r.errors)
        out += paint("\x1b[31m", u"error"_s) + u" [%1] %2\n"_s.arg(Jwt::errorKindName(e.kind), e.message);
    for (const Jwt::Warning &w : r.warnings)
        out += paint("\x1b[33m", u"warning"_s) + u" [%1] %2\n"_s.arg(Jwt::warningKindName(w.kind), w.message);
    return out;
}

} // namespace Cli
