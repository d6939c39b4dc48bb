// SPDX-License-Identifier: GPL-3.0-or-later
#include "json.h"

#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace Jwt {

namespace {

// Builds the ordered tree from rapidjson's SAX events. Containers under
// construction live on an explicit stack, so depth never touches the C++ stack.
class TreeBuilder : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, TreeBuilder>
{
public:
    bool Null() { return put(JsonValue()); }
    bool Bool(bool b) { return put(JsonValue::boolValue(b)); }
    bool RawNumber(const char *s, rapidjson::SizeType n, bool)
    {
        return put(JsonValue::number(QString::fromLatin1(s, qsizetype(n))));
    }
    bool String(const char *s, rapidjson::SizeType n, bool)
    {
        return put(JsonValue::string(QString::fromUtf8(s, qsizetype(n))));
    }
    bool StartObject() { return open(JsonValue::Type::Object); }
    bool Key(const char *s, rapidjson::SizeType n, bool)
    {
        Frame &frame = m_stack.back();
        QString name = QString::fromUtf8(s, qsizetype(n));
        // Small objects (every real header and payload) are searched in place;
        // a hash only pays off for big ones.
        bool duplicate = false;
        if (frame.value.members.size() < 32) {
            for (const JsonMember &m : frame.value.members)
                duplicate = duplicate || m.name == name;
        } else {
            if (frame.names.isEmpty())
                for (const JsonMember &m : frame.value.members)
                    frame.names.insert(m.name);
            duplicate = frame.names.contains(name);
            frame.names.insert(name);
        }
        if (duplicate) {
            m_error = u"duplicate member name \"%1\""_s.arg(name);
            return false;
        }
        frame.pendingName = std::move(name);
        return true;
    }
    bool EndObject(rapidjson::SizeType) { return close(); }
    bool StartArray() { return open(JsonValue::Type::Array); }
    bool EndArray(rapidjson::SizeType) { return close(); }

    TreeBuilder() { m_stack.reserve(8); }

    std::optional<JsonValue> result;
    QString m_error;

private:
    struct Frame
    {
        JsonValue value;
        QSet<QString> names;
        QString pendingName;
    };

    bool open(JsonValue::Type type)
    {
        if (int(m_stack.size()) >= maxJsonDepth) {
            m_error = u"nested deeper than %1 levels"_s.arg(maxJsonDepth);
            return false;
        }
        Frame frame;
        frame.value.type = type;
        if (type == JsonValue::Type::Object)
            frame.value.members.reserve(8); // typical headers and payloads fit
        m_stack.push_back(std::move(frame));
        return true;
    }
    bool close()
    {
        JsonValue done = std::move(m_stack.back().value);
        m_stack.pop_back();
        return put(std::move(done));
    }
    bool put(JsonValue value)
    {
        if (m_stack.empty()) {
            result = std::move(value);
            return true;
        }
        Frame &frame = m_stack.back();
        if (frame.value.type == JsonValue::Type::Object)
            frame.value.members.push_back({std::move(frame.pendingName), std::move(value)});
        else
            frame.value.elements.push_back(std::move(value));
        return true;
    }

    std::vector<Frame> m_stack;
};

void appendString(QString &out, const QString &s)
{
    out += u'"';
    for (const QChar c : s) {
        switch (c.unicode()) {
        case '"': out += u"\\\""_s; break;
        case '\\': out += u"\\\\"_s; break;
        case '\n': out += u"\\n"_s; break;
        case '\r': out += u"\\r"_s; break;
        case '\t': out += u"\\t"_s; break;
        case '\b': out += u"\\b"_s; break;
        case '\f': out += u"\\f"_s; break;
        default:
            // Control characters and the invisible line separators are escaped so
            // that what is shown is unambiguous; everything else appears as itself.
            if (c.unicode() < 0x20 || c.unicode() == 0x2028 || c.unicode() == 0x2029
                || c.unicode() == 0x7f)
                out += u"\\u%1"_s.arg(int(c.unicode()), 4, 16, QChar(u'0'));
            else
                out += c;
        }
    }
    out += u'"';
}

void write(QString &out, const JsonValue &v, int indent, int level)
{
    const bool pretty = indent > 0;
    auto newline = [&](int depth) {
        if (pretty) {
            out += u'\n';
            out += QString(depth * indent, u' ');
        }
    };
    switch (v.type) {
    case JsonValue::Type::Null: out += u"null"_s; return;
    case JsonValue::Type::Bool: out += v.boolean ? u"true"_s : u"false"_s; return;
    case JsonValue::Type::Number: out += v.text; return;
    case JsonValue::Type::String: appendString(out, v.text); return;
    case JsonValue::Type::Array:
        if (v.elements.empty()) {
            out += u"[]"_s;
            return;
        }
        out += u'[';
        for (size_t i = 0; i < v.elements.size(); ++i) {
            if (i)
                out += u',';
            newline(level + 1);
            write(out, v.elements[i], indent, level + 1);
        }
        newline(level);
        out += u']';
        return;
    case JsonValue::Type::Object:
        if (v.members.empty()) {
            out += u"{}"_s;
            return;
        }
        out += u'{';
        for (size_t i = 0; i < v.members.size(); ++i) {
            if (i)
                out += u',';
            newline(level + 1);
            appendString(out, v.members[i].name);
            out += pretty ? u": "_s : u":"_s;
            write(out, v.members[i].value, indent, level + 1);
        }
        newline(level);
        out += u'}';
        return;
    }
}

} // namespace

const JsonValue *JsonValue::member(QStringView name) const
{
    for (const JsonMember &m : members)
        if (m.name == name)
            return &m.value;
    return nullptr;
}

std::optional<double> JsonValue::toDouble() const
{
    if (type != Type::Number)
        return std::nullopt;
    bool ok = false;
    const double d = text.toDouble(&ok);
    if (!ok || !std::isfinite(d))
        return std::nullopt;
    return d;
}

std::optional<qint64> JsonValue::toInt64() const
{
    if (type != Type::Number)
        return std::nullopt;
    bool ok = false;
    const qint64 exact = text.toLongLong(&ok);
    if (ok)
        return exact;
    const auto d = toDouble();
    // 2^63 is exactly representable; anything at or beyond it does not fit.
    if (!d || *d >= 9223372036854775808.0 || *d < -9223372036854775808.0)
        return std::nullopt;
    return qint64(std::floor(*d));
}

JsonValue JsonValue::string(const QString &value)
{
    JsonValue v;
    v.type = Type::String;
    v.text = value;
    return v;
}

JsonValue JsonValue::number(const QString &digits)
{
    JsonValue v;
    v.type = Type::Number;
    v.text = digits;
    return v;
}

JsonValue JsonValue::number(qint64 value)
{
    return number(QString::number(value));
}

JsonValue JsonValue::boolValue(bool value)
{
    JsonValue v;
    v.type = Type::Bool;
    v.boolean = value;
    return v;
}

JsonValue JsonValue::array()
{
    JsonValue v;
    v.type = Type::Array;
    return v;
}

JsonValue JsonValue::object()
{
    JsonValue v;
    v.type = Type::Object;
    return v;
}

JsonValue &JsonValue::add(const QString &name, JsonValue value)
{
    members.push_back({name, std::move(value)});
    return members.back().value;
}

JsonValue &JsonValue::append(JsonValue value)
{
    elements.push_back(std::move(value));
    return elements.back();
}

JsonParseResult parseJson(const QByteArray &utf8, bool utf8Checked)
{
    constexpr unsigned flags = rapidjson::kParseIterativeFlag | rapidjson::kParseNumbersAsStringsFlag;
    rapidjson::MemoryStream stream(utf8.constData(), size_t(utf8.size()));
    rapidjson::Reader reader;
    TreeBuilder builder;
    // Pure ASCII (nearly every header and payload) cannot be invalid UTF-8.
    const bool ascii = std::all_of(utf8.cbegin(), utf8.cend(), [](char c) { return uchar(c) < 0x80; });
    const rapidjson::ParseResult ok = utf8Checked || ascii
        ? reader.Parse<flags>(stream, builder)
        : reader.Parse<flags | rapidjson::kParseValidateEncodingFlag>(stream, builder);
    JsonParseResult result;
    if (ok) {
        result.value = std::move(builder.result);
        return result;
    }
    result.offset = qsizetype(ok.Offset());
    result.error = !builder.m_error.isEmpty()
        ? builder.m_error
        : QString::fromLatin1(rapidjson::GetParseError_En(ok.Code()));
    // rapidjson's message says what, ours adds a character that a user can find.
    if (result.error.endsWith(u'.'))
        result.error.chop(1);
    return result;
}

QString toPrettyJson(const JsonValue &value)
{
    QString out;
    write(out, value, 2, 0);
    return out;
}

QString toCompactJson(const JsonValue &value)
{
    QString out;
    write(out, value, 0, 0);
    return out;
}

} // namespace Jwt
