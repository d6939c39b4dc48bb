// SPDX-License-Identifier: GPL-3.0-or-later
#include "token.h"

#include <QStringDecoder>

#include <array>

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Jwt {

namespace {

const char *const segmentNames[] = {
    QT_TRANSLATE_NOOP("Jwt", "header"), QT_TRANSLATE_NOOP("Jwt", "payload"),
    QT_TRANSLATE_NOOP("Jwt", "signature"), QT_TRANSLATE_NOOP("Jwt", "ciphertext"),
    QT_TRANSLATE_NOOP("Jwt", "tag")};

QString segmentName(int index)
{
    return QCoreApplication::translate("Jwt", segmentNames[qBound(0, index, 4)]);
}

constexpr auto base64UrlTable = [] {
    std::array<bool, 128> table{};
    for (char c = 'A'; c <= 'Z'; ++c)
        table[size_t(c)] = true;
    for (char c = 'a'; c <= 'z'; ++c)
        table[size_t(c)] = true;
    for (char c = '0'; c <= '9'; ++c)
        table[size_t(c)] = true;
    table['-'] = table['_'] = true;
    return table;
}();

bool isBase64UrlChar(QChar c)
{
    return c.unicode() < 128 && base64UrlTable[c.unicode()];
}

QString describeChar(QChar c)
{
    const QString code = u"U+"_s + QString::number(c.unicode(), 16).toUpper().rightJustified(4, u'0');
    if (c.isPrint() && !c.isSpace())
        return QCoreApplication::translate("Jwt", "'%1' (%2)").arg(c).arg(code);
    return code;
}

// Strict base64url (RFC 7515 §2): the alphabet only, no '=', no impossible length.
// The decoding itself is Qt's; this only finds and names the first bad character.
std::optional<QByteArray> decodeSegment(const QString &text, const Segment &seg, int index,
                                        QList<Error> &errors)
{
    const QStringView view = QStringView(text).mid(seg.start, seg.length);
    // Check and narrow to Latin-1 in one pass; Qt does the decoding.
    QByteArray ascii(view.size(), Qt::Uninitialized);
    char *out = ascii.data();
    for (qsizetype i = 0; i < view.size(); ++i) {
        const QChar c = view[i];
        if (isBase64UrlChar(c)) {
            out[i] = char(c.unicode());
            continue;
        }
        const QString what = c == u'='
            ? QCoreApplication::translate("Jwt", "padding '=' is not allowed in a JWS (RFC 7515 §2)")
            : QCoreApplication::translate("Jwt", "character %1 is not allowed in base64url").arg(describeChar(c));
        errors.append({ErrorKind::Base64,
                       QCoreApplication::translate("Jwt", "%1 segment, position %2 (character %3 of the segment): %4").arg(
                           segmentName(index))
                           .arg(seg.start + i)
                           .arg(i + 1)
                           .arg(what),
                       index, seg.start + i});
        return std::nullopt;
    }
    if (view.size() % 4 == 1) {
        errors.append({ErrorKind::Base64,
                       QCoreApplication::translate("Jwt", "%1 segment, position %2: a length of %3 characters is "
                                                   "impossible for base64url (one character too many or too few)")
                           .arg(segmentName(index))
                           .arg(seg.start + seg.length - 1)
                           .arg(view.size()),
                       index, seg.start + seg.length - 1});
        return std::nullopt;
    }
    auto decoded = QByteArray::fromBase64Encoding(
        std::move(ascii), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        errors.append({ErrorKind::Base64,
                       QCoreApplication::translate("Jwt", "%1 segment is not valid base64url").arg(segmentName(index)), index,
                       seg.start});
        return std::nullopt;
    }
    return *decoded;
}

std::optional<QString> utf8Text(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

// Header or payload: must be a UTF-8 JSON object (RFC 7515 §5.2 steps 2-4, RFC 7519 §7.2).
void decodeJsonPart(Token &token, int index, const QByteArray &bytes,
                    std::optional<JsonValue> &valueOut)
{
    const Segment &seg = token.segments[index];
    const auto name = [index] { return segmentName(index); }; // translated only when needed
    // A JSON text that parses with encoding validation is UTF-8; the separate
    // check only runs to explain a failure.
    JsonParseResult parsed = parseJson(bytes);
    if (parsed.value && parsed.value->isObject()) {
        valueOut = std::move(parsed.value);
        return;
    }
    if (!utf8Text(bytes)) {
        token.errors.append({ErrorKind::Json, QCoreApplication::translate("Jwt", "%1 is not UTF-8 text").arg(name()), index, seg.start});
        return;
    }
    if (bytes.isEmpty()) {
        token.errors.append({ErrorKind::Json, QCoreApplication::translate("Jwt", "%1 is empty").arg(name()), index, seg.start});
        return;
    }
    if (!parsed.value) {
        // Map the byte offset back to roughly where it sits in the base64 text.
        const qsizetype pos = seg.start + qMin(seg.length - 1, parsed.offset * 4 / 3);
        token.errors.append({ErrorKind::Json,
                             QCoreApplication::translate("Jwt", "%1 is not valid JSON: %2 at byte %3").arg(name(), parsed.error)
                                 .arg(parsed.offset),
                             index, qMax(seg.start, pos)});
        return;
    }
    token.errors.append({ErrorKind::Json,
                         QCoreApplication::translate("Jwt", "%1 is JSON but not an object; it is shown as text").arg(name()),
                         index, seg.start});
}

} // namespace

std::optional<QString> displayText(const std::optional<JsonValue> &value,
                                   const std::optional<QString> &text)
{
    if (value)
        return toPrettyJson(*value);
    return text;
}

std::optional<QString> Token::headerText() const
{
    return segments.isEmpty() ? std::nullopt : utf8Text(headerBytes);
}

std::optional<QString> Token::payloadText() const
{
    return segments.size() < 2 ? std::nullopt : utf8Text(payloadBytes);
}

QByteArray Token::signingInput() const
{
    if (segments.size() < 2)
        return {};
    return QStringView(text).left(segments[1].start + segments[1].length).toLatin1();
}

Token decodeToken(QStringView input)
{
    Token token;
    // Trim, then drop one "Bearer " prefix as pasted from an Authorization header.
    qsizetype begin = 0;
    qsizetype end = input.size();
    while (begin < end && input[begin].isSpace())
        ++begin;
    while (end > begin && input[end - 1].isSpace())
        --end;
    QStringView body = input.mid(begin, end - begin);
    constexpr QLatin1StringView bearer("bearer");
    if (body.size() > bearer.size() && body.startsWith(bearer, Qt::CaseInsensitive)
        && body[bearer.size()].isSpace()) {
        begin += bearer.size();
        while (begin < end && input[begin].isSpace())
            ++begin;
        body = input.mid(begin, end - begin);
    }
    token.text = body.toString();
    token.textOffset = begin;

    if (token.text.isEmpty()) {
        token.errors.append({ErrorKind::Segments, QCoreApplication::translate("Jwt", "the token is empty"), -1, -1});
        return token;
    }
    qsizetype start = 0;
    for (;;) {
        const qsizetype dot = token.text.indexOf(u'.', start);
        const qsizetype stop = dot < 0 ? token.text.size() : dot;
        token.segments.append({start, stop - start});
        if (dot < 0)
            break;
        start = dot + 1;
    }
    const qsizetype count = token.segments.size();
    if (count == 5) {
        token.errors.append({ErrorKind::Jwe,
                             QCoreApplication::translate("Jwt", "this is an encrypted token (JWE, five segments); only its "
                             "protected header can be shown"),
                             -1, -1});
    } else if (count != 3) {
        const qsizetype pos = count > 3 ? token.segments[3].start - 1 : token.text.size();
        token.errors.append({ErrorKind::Segments,
                             QCoreApplication::translate("Jwt", "a signed JWT has 3 segments separated by '.', this one has %1")
                                 .arg(count),
                             -1, pos});
    }

    // Header (segment 0) always; payload and signature only for a JWS.
    if (auto header = decodeSegment(token.text, token.segments[0], 0, token.errors)) {
        token.headerBytes = *header;
        decodeJsonPart(token, 0, token.headerBytes, token.header);
        if (token.header)
            if (const JsonValue *alg = token.header->member(u"alg"); alg && alg->isString())
                token.alg = alg->text;
    }
    if (count == 5 || count < 2)
        return token;
    if (auto payload = decodeSegment(token.text, token.segments[1], 1, token.errors)) {
        token.payloadBytes = *payload;
        decodeJsonPart(token, 1, token.payloadBytes, token.payload);
    }
    if (count == 3)
        if (auto signature = decodeSegment(token.text, token.segments[2], 2, token.errors))
            token.signature = *signature;
    sortByImportance(token.errors);
    return token;
}

} // namespace Jwt
