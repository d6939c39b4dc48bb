// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to tidings_mime (it names vmime types): the text-bearing fields of outgoing mail
// (Subject, the address fields) encoded here, because vmime 0.9.2 writes encoded words longer
// than RFC 2047's 75 characters, puts spaces between encoded words that decoders then drop, and
// leaves a backslash unescaped in a quoted name.
#include "messageview.h"

#include <vmime/headerField.hpp>
#include <vmime/headerFieldValue.hpp>

#include <QByteArray>
#include <QList>
#include <QString>

#include <vector>

namespace Mime::detail {

constexpr size_t kMaxHeaderLine = 78;    // RFC 5322 2.1.1: lines should stay within 78
constexpr int kMaxEncodedWordBytes = 45; // 45 UTF-8 bytes: "=?utf-8?B?" + 60 + "?=" = 72

// RFC 2047 B-encoded words of `text`, each at most 75 characters, split between characters; the
// first one holds at most firstBytes of UTF-8 (so that it fits after the field's name).
QList<QByteArray> encodedWords(const QString &text, int firstBytes = kMaxEncodedWordBytes);

// A field value written as given: tokens joined by a space, folded at those spaces only (a
// folded space unfolds to the same space; between encoded words it is dropped, as intended).
class FoldedValue : public vmime::headerFieldValue
{
public:
    explicit FoldedValue(QList<QByteArray> tokens = {})
        : m_tokens(std::move(tokens))
    {}
    // Text written as encoded words, the first made to fit the rest of the field's first line:
    // a fold before it would be read as a leading space of unstructured text.
    static std::shared_ptr<FoldedValue> encoded(const QString &text);

    std::shared_ptr<vmime::component> clone() const override;
    void copyFrom(const vmime::component &other) override;
    const std::vector<std::shared_ptr<vmime::component>> getChildComponents() override
    {
        return {};
    }

protected:
    void parseImpl(const vmime::parsingContext &ctx, const vmime::string &buffer,
                   const size_t position, const size_t end, size_t *newPosition) override;
    void generateImpl(const vmime::generationContext &ctx, vmime::utility::outputStream &os,
                      const size_t curLinePos, size_t *newLinePos) const override;

private:
    QList<QByteArray> m_tokens;
    QString m_encode;
};

// A field of any name with any value (vmime's factory would insist on its own value types).
class RawField : public vmime::headerField
{
public:
    RawField(const std::string &name, std::shared_ptr<vmime::headerFieldValue> value)
        : vmime::headerField(name)
    {
        m_value = std::move(value);
    }
};

// Subject-like text: ASCII words as they are, anything else as encoded words.
std::shared_ptr<FoldedValue> unstructuredValue(const QString &text);
// "name <local@domain>, ..." with each address already in its ASCII form (asciiAddress).
std::shared_ptr<FoldedValue> addressListValue(const QList<Address> &addresses);

} // namespace Mime::detail
