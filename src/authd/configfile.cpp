// SPDX-License-Identifier: GPL-3.0-or-later
#include "configfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Authd {

bool ConfigFile::toArguments(const QString &path, const QStringList &knownOptions,
                             QStringList *arguments, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"%1: %2"_s.arg(path, file.errorString());
        return false;
    }
    // A settings file is a few lines; anything huge is not one.
    constexpr qint64 kMaxSize = 1 << 20;
    const QByteArray text = file.read(kMaxSize + 1);
    if (text.size() > kMaxSize) {
        *error = u"%1: larger than %2 bytes; not a settings file"_s.arg(path).arg(kMaxSize);
        return false;
    }
    return parse(text, path, knownOptions, arguments, error);
}

bool ConfigFile::parse(const QByteArray &text, const QString &path, const QStringList &knownOptions,
                       QStringList *arguments, QString *error)
{
    QStringList out;
    // Editors on Windows may begin the file with a byte-order mark.
    const QByteArray body = text.startsWith("\xEF\xBB\xBF") ? text.mid(3) : text;
    const QList<QByteArray> lines = body.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = QString::fromUtf8(lines[i]);
        // A comment after a value ("listen = 0.0.0.0:7788  # all"): '#' after white space.
        static const QRegularExpression trailingComment(u"\\s#.*$"_s);
        line = line.remove(trailingComment).trimmed();
        const auto fail = [&](const QString &why) {
            *error = u"%1:%2: %3"_s.arg(path).arg(i + 1).arg(why);
            return false;
        };
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const qsizetype equals = line.indexOf(u'=');
        if (equals < 0)
            return fail(u"expected 'name = value', got '%1'"_s.arg(line));
        const QString name = line.left(equals).trimmed();
        const QString value = line.mid(equals + 1).trimmed();
        if (name == u"config"_s)
            return fail(u"a settings file cannot name another one"_s);
        if (!knownOptions.contains(name))
            return fail(u"unknown setting '%1' (known: %2)"_s.arg(name, knownOptions.join(u", "_s)));
        if (value.isEmpty())
            return fail(u"'%1' has no value"_s.arg(name));
        out << u"--"_s + name << value;
    }
    *arguments = out;
    return true;
}

} // namespace Authd
