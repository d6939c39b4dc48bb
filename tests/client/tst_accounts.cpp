// SPDX-License-Identifier: GPL-3.0-or-later
// Client::Accounts: the settings file and a real keyring (gnome-keyring under
// with-keyring.sh), the keyring checked with an independent client, secret-tool.
#include "client/accounts.h"
#include "client/secretstore.h"
#include "client/settingsstore.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
QString lookup(const QString &id)
{
    QProcess tool;
    tool.start(u"secret-tool"_s,
               {u"lookup"_s, u"server"_s, u"Tidings"_s, u"user"_s, u"pop3:"_s + id});
    if (!tool.waitForFinished(10000))
        return u"(secret-tool hung)"_s;
    return QString::fromUtf8(tool.readAllStandardOutput());
}

Types::AccountSettings account(const QString &user)
{
    Types::AccountSettings a;
    a.host = u"pop.example.org"_s;
    a.user = user;
    a.email = user + u"@example.org"_s;
    return a;
}
} // namespace

class TestAccounts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.emplace().isValid());
        m_settings.emplace(Common::Profile::at(m_dir->path()));
    }
    void cleanup()
    {
        m_settings.reset();
        m_dir.reset();
    }

    void addUpdateRemoveInTheSettingsFile()
    {
        Client::Accounts accounts(*m_settings);
        QSignalSpy changed(&accounts, &Client::Accounts::changed);
        QString first, second;
        QVERIFY(accounts.add(account(u"alice"_s), &first));
        QVERIFY(accounts.add(account(u"bob"_s), &second));
        QCOMPARE(changed.count(), 2);
        QVERIFY(!first.isEmpty());
        QVERIFY(!second.isEmpty());
        QVERIFY(first != second);

        // What another reader of the profile (the CLI, the next start) sees.
        Client::SettingsStore reread(Common::Profile::at(m_dir->path()));
        QCOMPARE(reread.accounts().size(), 2);
        QCOMPARE(reread.accounts().at(0).id, first);
        QCOMPARE(reread.accounts().at(1).user, u"bob"_s);

        Types::AccountSettings edited = *accounts.find(second);
        edited.host = u"pop.other.example"_s;
        edited.port = 110;
        edited.security = Types::MailSecurity::StartTls;
        edited.checkEveryMinutes = 15;
        QVERIFY(accounts.update(edited));
        QCOMPARE(changed.count(), 3);
        QCOMPARE(*accounts.find(second),
                 edited);                 // the id (and so the keyring entry) survives the edit
        QVERIFY(accounts.update(edited)); // no change: no signal
        QCOMPARE(changed.count(), 3);

        QVERIFY(accounts.remove(first));
        QCOMPARE(accounts.list().size(), 1);
        QCOMPARE(accounts.list().first().id, second);
        QVERIFY(!accounts.find(first));
        QCOMPARE(changed.count(), 4);
    }

    void badAccountsAreRefusedInWords_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("caContent"); // "-" for a file that does not exist
        QTest::addColumn<QString>("words");
        QTest::newRow("no host") << QString() << u"alice"_s << QString() << u"host name"_s;
        QTest::newRow("no user") << u"pop.example.org"_s << QString() << QString()
                                 << u"user name"_s;
        QTest::newRow("missing CA")
            << u"pop.example.org"_s << u"alice"_s << u"-"_s << u"cannot be read"_s;
        QTest::newRow("CA not PEM") << u"pop.example.org"_s << u"alice"_s << u"not a certificate"_s
                                    << u"no PEM certificate"_s;
    }
    void badAccountsAreRefusedInWords()
    {
        QFETCH(QString, host);
        QFETCH(QString, user);
        QFETCH(QString, caContent);
        QFETCH(QString, words);
        Types::AccountSettings a = account(user);
        a.host = host;
        if (!caContent.isEmpty()) {
            a.caFile = m_dir->filePath(u"ca.pem"_s);
            if (caContent != u"-"_s) {
                QFile file(a.caFile);
                QVERIFY(file.open(QIODevice::WriteOnly));
                file.write(caContent.toUtf8());
            }
        }
        Client::Accounts accounts(*m_settings);
        QSignalSpy changed(&accounts, &Client::Accounts::changed);
        QVERIFY(!accounts.add(a));
        QVERIFY2(accounts.errorString().contains(words), qPrintable(accounts.errorString()));
        QCOMPARE(changed.count(), 0);
        QVERIFY(accounts.list().isEmpty()); // nothing half-written

        a.id = u"no-such-account"_s;
        a.host = u"pop.example.org"_s;
        a.user = u"alice"_s;
        a.caFile.clear();
        QVERIFY(!accounts.update(a));
        QVERIFY(accounts.errorString().contains(u"no such account"_s));
        QVERIFY(!accounts.remove(u"no-such-account"_s));
    }

    void passwordGoesToTheKeyringAndLeavesWithTheAccount()
    {
        Client::Accounts accounts(*m_settings);
        QString id, other;
        QVERIFY(accounts.add(account(u"carol"_s), &id));
        QVERIFY(accounts.add(account(u"dave"_s), &other));
        const QString password = u"pässword with spaces 密码"_s;

        QSignalSpy written(&accounts, &Client::Accounts::passwordWritten);
        QSignalSpy errors(&accounts, &Client::Accounts::error);
        accounts.writePassword(id, password);
        accounts.writePassword(other, u"other"_s);
        QVERIFY(accounts.keyringBusy());
        QTRY_COMPARE_WITH_TIMEOUT(written.count(), 2, 10000);
        QVERIFY(!accounts.keyringBusy());
        QCOMPARE(errors.count(), 0);
        QCOMPARE(written.first().first().toString(), id);
        // The entry is the account's id, as the sync reads it.
        QCOMPARE(Client::SecretStore::mailKey(*accounts.find(id)), u"pop3:"_s + id);
        QCOMPARE(lookup(id), password);

        QSignalSpy read(&accounts, &Client::Accounts::passwordRead);
        accounts.readPassword(id);
        QVERIFY(read.wait(10000));
        QCOMPARE(read.first().at(0).toString(), id);
        QCOMPARE(read.first().at(1).toString(), password);

        QSignalSpy removed(&accounts, &Client::Accounts::passwordRemoved);
        QVERIFY(accounts.remove(id));
        QVERIFY(removed.wait(10000));
        QCOMPARE(removed.first().first().toString(), id);
        QCOMPARE(lookup(id), QString());
        QCOMPARE(lookup(other), u"other"_s); // the other account's entry is untouched

        read.clear();
        accounts.readPassword(id); // none: an empty answer, not an error
        QVERIFY(read.wait(10000));
        QCOMPARE(read.first().at(1).toString(), QString());
        QCOMPARE(errors.count(), 0);
        accounts.removePassword(other);
        QVERIFY(removed.wait(10000));
    }

private:
    std::optional<QTemporaryDir> m_dir;
    std::optional<Client::SettingsStore> m_settings;
};

QTEST_GUILESS_MAIN(TestAccounts)
#include "tst_accounts.moc"
