// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The running test mail stack (scripts/mailstack-fixture) as a C++ test sees it: its stack.env
// (ports, CA, directory), users added through scripts/mailstack, and Postfix's log. Header-only;
// the test target defines MAILSTACK_STATE and TIDINGS_SOURCE_DIR.

#include <QFile>
#include <QHash>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace TestSupport {

class MailStackEnv
{
public:
    // Empty when the stack was found, else why not (for QVERIFY2). TIDINGS_MAILSTACK_STATE names
    // a stack of one's own (several people testing on one machine), else the fixture's.
    QString load()
    {
        QFile state(qEnvironmentVariable("TIDINGS_MAILSTACK_STATE", QStringLiteral(MAILSTACK_STATE)));
        if (!state.open(QIODevice::ReadOnly))
            return QStringLiteral("no mail stack state file: ") + state.fileName();
        QFile env(QString::fromUtf8(state.readAll().trimmed()) + QStringLiteral("/stack.env"));
        if (!env.open(QIODevice::ReadOnly))
            return QStringLiteral("no stack.env: ") + env.fileName();
        for (const QByteArray &line : env.readAll().split('\n')) {
            const qsizetype eq = line.indexOf('=');
            if (eq > 0)
                m_values.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
        }
        return {};
    }
    QString value(const QString &name) const { return m_values.value(name); }
    quint16 port(const QString &name) const { return quint16(m_values.value(name).toUInt()); }
    QString directory() const { return value(QStringLiteral("MAILSTACK_DIR")); }

    // 0 when the user exists now (scripts/mailstack adduser is idempotent).
    int addUser(const QString &user, const QString &password) const
    {
        return run(QStringLiteral(TIDINGS_SOURCE_DIR "/scripts/mailstack"),
                   {QStringLiteral("adduser"), directory(), user, password});
    }
    // Postfix's log so far: a test compares what was added while it ran.
    QByteArray postfixLog() const
    {
        QFile log(directory() + QStringLiteral("/log/postfix.log"));
        return log.open(QIODevice::ReadOnly) ? log.readAll() : QByteArray();
    }

    static int run(const QString &program, const QStringList &arguments)
    {
        QProcess p;
        p.start(program, arguments);
        return p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }

private:
    QHash<QString, QString> m_values;
};

} // namespace TestSupport
