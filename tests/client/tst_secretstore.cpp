// SPDX-License-Identifier: GPL-3.0-or-later
// Passwords through qtkeychain into a real gnome-keyring (see with-keyring.sh),
// read back by an independent client, secret-tool.
#include "client/secretstore.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestSecretStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void writeReadRemove()
    {
        Client::SecretStore store;
        const QString key = Client::SecretStore::authKey(u"alice"_s, u"auth.example.org"_s, 7789);
        const QString secret = u"s3cret – 密码 with spaces"_s;

        QSignalSpy written(&store, &Client::SecretStore::writeFinished);
        store.write(key, secret);
        QVERIFY(written.wait(10000));
        QVERIFY2(written.first().at(1).toBool(), qPrintable(written.first().at(2).toString()));

        QSignalSpy read(&store, &Client::SecretStore::readFinished);
        store.read(key);
        QVERIFY(read.wait(10000));
        QCOMPARE(read.first().at(1).toString(), secret);

        // An independent Secret Service client sees it under qtkeychain's attributes.
        QProcess tool;
        tool.start(u"secret-tool"_s, {u"lookup"_s, u"server"_s, u"Tidings"_s, u"user"_s, key});
        QVERIFY(tool.waitForFinished(10000));
        QCOMPARE(QString::fromUtf8(tool.readAllStandardOutput()), secret);

        QSignalSpy removed(&store, &Client::SecretStore::removeFinished);
        store.remove(key);
        QVERIFY(removed.wait(10000));
        store.read(key);
        QVERIFY(read.wait(10000));
        QCOMPARE(read.last().at(1).toString(), QString()); // gone
    }

    void eachMailAccountHasItsOwnEntry()
    {
        Types::AccountSettings work;
        work.host = u"pop.work.example"_s;
        work.user = u"alice"_s;
        Types::AccountSettings home = work;
        home.host = u"pop.home.example"_s;
        Types::AccountSettings other = work;
        other.port = 110; // same user and host, another port: another account
        Client::SecretStore store;
        QSignalSpy written(&store, &Client::SecretStore::writeFinished);
        const QList<QPair<Types::AccountSettings, QString>> entries{{work, u"work-pw"_s}, {home, u"home-pw"_s},
                                                                    {other, u"other-pw"_s}};
        for (const auto &[account, password] : entries) {
            store.write(Client::SecretStore::mailKey(account), password);
            QVERIFY(written.wait(10000));
        }
        QSignalSpy read(&store, &Client::SecretStore::readFinished);
        for (const auto &[account, password] : entries) {
            store.read(Client::SecretStore::mailKey(account));
            QVERIFY(read.wait(10000));
            QCOMPARE(read.last().at(1).toString(), password);
        }
        for (const auto &[account, password] : entries) {
            QSignalSpy removed(&store, &Client::SecretStore::removeFinished);
            store.remove(Client::SecretStore::mailKey(account));
            QVERIFY(removed.wait(10000));
        }
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
