// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/secretstore.h"
#include "client/settingsstore.h"

#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using Types::MailSecurity;

class TestSettingsStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { QVERIFY(m_dir.emplace().isValid()); }

    void emptyProfileHasSecureDefaults()
    {
        Client::SettingsStore store(profile());
        const auto account = store.account();
        QVERIFY(!account.isConfigured());
        QCOMPARE(account.security, MailSecurity::Tls);
        QCOMPARE(account.port, quint16(995));
        QVERIFY(store.language().isEmpty());
        QVERIFY(store.windowGeometry().isEmpty());
    }

    void theSettingsFileIsTheOwnersAlone()
    {
        ::umask(022);
        const QString file = profile().settingsFile();
        {
            Client::SettingsStore reader(profile());
            QVERIFY(reader.jwtHistory().isEmpty());
        }
        QVERIFY2(!QFile::exists(file), "reading made a settings file"); // tidings --version
        {
            Client::SettingsStore store(profile());
            store.setKeepJwtHistory(true);
            store.setJwtHistory({u"eyJhbGciOiJub25lIn0.e30."_s}); // a credential, perhaps
        }
        QVERIFY(QFile::exists(file));
        QCOMPARE(QFileInfo(file).permissions() & 0x0077, QFileDevice::Permissions());
        QCOMPARE(Client::SettingsStore(profile()).jwtHistory().size(), 1);
        // One left readable by an older version is tightened at the next write.
        QFile::setPermissions(file, QFileDevice::Permissions(0x6644));
        {
            Client::SettingsStore again(profile());
            again.setLanguage(u"zh_CN"_s);
        }
        QCOMPARE(QFileInfo(file).permissions() & 0x0077, QFileDevice::Permissions());
        QCOMPARE(Client::SettingsStore(profile()).jwtHistory().size(), 1);
    }

    void loginDefaultsToTls()
    {
        Client::SettingsStore settings(profile());
        QVERIFY(settings.authServer().tls);
        QCOMPARE(settings.authServer().port, 7789);
        QVERIFY(!settings.authServer().staySignedIn);
    }

    void aNewAccountGetsAnIdThatSurvivesEdits()
    {
        Types::AccountSettings account;
        account.host = u"pop.example.org"_s;
        account.user = u"ann"_s;
        Client::SettingsStore store(profile());
        store.setAccount(account);
        const QString id = store.account().id;
        QVERIFY(!id.isEmpty());
        QVERIFY(id != account.key());
        Types::AccountSettings moved = store.account();
        moved.host = u"pop2.example.org"_s;
        moved.port = 110;
        store.setAccount(moved);
        QCOMPARE(store.account().id, id); // the keyring entry and the log stay with it
        QCOMPARE(Client::SecretStore::mailKey(store.account()), u"pop3:"_s + id);
    }

    void anAccountFromBeforeIdsKeepsItsKeyringEntry()
    {
        {
            QSettings ini(profile().settingsFile(), QSettings::IniFormat);
            ini.setValue("account/host"_L1, u"pop.example.org"_s);
            ini.setValue("account/port"_L1, 995);
            ini.setValue("account/user"_L1, u"old"_s);
        }
        Client::SettingsStore store(profile());
        QCOMPARE(Client::SecretStore::mailKey(store.account()), u"pop3:old@pop.example.org:995"_s);
    }

    void valuesSurviveANewStore()
    {
        Types::AccountSettings account;
        account.host = u"pop.例子.cn"_s;
        account.port = 10995;
        account.security = MailSecurity::StartTls;
        account.user = u"用户@example.org"_s;
        account.id = u"3f0c-account"_s;
        account.email = u"用户@例子.cn"_s;
        account.displayName = u"王小明"_s;
        account.caFile = u"/etc/ssl/例子-ca.pem"_s;
        account.checkEveryMinutes = 15;
        const QByteArray blob("\x00\x01\xffgeometry", 11);
        {
            Client::SettingsStore store(profile());
            store.setAccount(account);
            store.setLanguage(u"zh_CN"_s);
            store.setWindowGeometry(blob);
            store.setWindowState("state"_ba);
            store.setSplitterState(u"main"_s, "split-main"_ba);
            store.setSplitterState(u"message"_s, "split-message"_ba);
        } // destructor writes the file
        Client::SettingsStore again(profile());
        QCOMPARE(again.account(), account);
        QCOMPARE(again.language(), u"zh_CN"_s);
        QCOMPARE(again.windowGeometry(), blob);
        QCOMPARE(again.windowState(), "state"_ba);
        QCOMPARE(again.splitterState(u"main"_s), "split-main"_ba);
        QCOMPARE(again.splitterState(u"message"_s), "split-message"_ba);
    }

    // The settings file is plain text a user may read: it must never hold a password.
    void fileIsReadableIniWithoutSecrets()
    {
        Types::AccountSettings account;
        account.host = u"mail.example.org"_s;
        account.user = u"alice"_s;
        Client::SettingsStore store(profile());
        store.setAccount(account);
        store.sync();
        QCOMPARE(store.fileName(), profile().settingsFile());
        QFile file(store.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("[account]"));
        QVERIFY(text.contains("host=mail.example.org"));
        QVERIFY(!text.toLower().contains("password"));
    }

    void hostileValuesFallBackSafely()
    {
        {
            QFile file(profile().settingsFile());
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("[account]\nhost=h\nuser=u\nport=99999\nsecurity=plaintext-please\n");
        }
        Client::SettingsStore store(profile());
        const auto account = store.account();
        QCOMPARE(account.security, MailSecurity::Tls); // never downgraded by a typo
        QCOMPARE(account.port, quint16(995));          // out of range -> the default port
        QCOMPARE(account.auth, Types::MailAuth::Auto);  // what an old profile never said
        QVERIFY(account.leaveOnServer);                 // leave on server is the default
        QCOMPARE(account.deleteAfterDays, -1);
        QVERIFY(!account.allowPlainPassword);
    }

    void severalAccountsWithTheirPolicies()
    {
        Types::AccountSettings work;
        work.host = u"pop.work.example"_s;
        work.user = u"alice"_s;
        work.name = u"Work"_s;
        work.auth = Types::MailAuth::Apop;
        work.deleteAfterDays = 14;
        work.deleteWhenDeletedHere = true;
        work.sizeLimitKb = 2048;
        Types::AccountSettings home;
        home.host = u"pop.home.example"_s;
        home.port = 110;
        home.security = MailSecurity::StartTls;
        home.user = u"家"_s;
        home.leaveOnServer = false;
        Types::AccountSettings third = home;
        third.user = u"third"_s;
        work.id = u"w"_s;
        home.id = u"h"_s;
        third.id = u"t"_s;
        {
            Client::SettingsStore store(profile());
            store.setAccounts({work, home, third});
        }
        {
            Client::SettingsStore store(profile());
            QCOMPARE(store.accounts(), (QList<Types::AccountSettings>{work, home, third}));
            QCOMPARE(store.account(), work);
            Types::AccountSettings changed = work;
            changed.user = u"bob"_s;
            store.setAccount(changed); // Preferences edits the first and keeps the others
            QCOMPARE(store.accounts(), (QList<Types::AccountSettings>{changed, home, third}));
            store.setAccounts({home}); // removing accounts leaves nothing of them behind
        }
        Client::SettingsStore store(profile());
        QCOMPARE(store.accounts(), QList<Types::AccountSettings>{home});
        QFile file(profile().settingsFile());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("third"));
        QVERIFY(home.key() != third.key());
    }

    void certificatePinsHoldPerServiceHostAndPort()
    {
        const QByteArray a = QByteArray(32, 'a'), b = QByteArray(32, 'b');
        {
            Client::SettingsStore settings(profile());
            settings.pinCertificate(u"tap"_s, u"Auth.Example.org"_s, 7789, a);
            settings.pinCertificate(u"pop3"_s, u"2001:db8::1"_s, 995, b);
            settings.sync();
        }
        Client::SettingsStore settings(profile());
        QCOMPARE(settings.pinnedCertificate(u"tap"_s, u"auth.example.org"_s, 7789), a); // host names are case-blind
        QVERIFY(settings.pinnedCertificate(u"tap"_s, u"auth.example.org"_s, 7788).isEmpty());
        QVERIFY(settings.pinnedCertificate(u"pop3"_s, u"auth.example.org"_s, 7789).isEmpty());
        QVERIFY(settings.pinnedCertificate(u"tap"_s, u"other.example.org"_s, 7789).isEmpty());
        QCOMPARE(settings.pinnedCertificate(u"pop3"_s, u"2001:db8::1"_s, 995), b);
        settings.pinCertificate(u"tap"_s, u"auth.example.org"_s, 7789, b); // a new certificate replaces the pin
        QCOMPARE(settings.pinnedCertificate(u"tap"_s, u"auth.example.org"_s, 7789), b);
        settings.pinCertificate(u"tap"_s, u"auth.example.org"_s, 7789, {});
        QVERIFY(settings.pinnedCertificate(u"tap"_s, u"auth.example.org"_s, 7789).isEmpty());
    }

    void noAccountMeansAnEmptyList()
    {
        Client::SettingsStore store(profile());
        QVERIFY(store.accounts().isEmpty());
        QVERIFY(!store.account().isConfigured());
    }

private:
    Common::Profile profile() const { return Common::Profile::at(m_dir->path()); }
    std::optional<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestSettingsStore)
#include "tst_settingsstore.moc"
