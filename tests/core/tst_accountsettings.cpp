// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/types/accountsettings.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Types::MailSecurity;

class TestAccountSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void securityNamesRoundTrip_data()
    {
        QTest::addColumn<MailSecurity>("security");
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("port");
        QTest::newRow("tls") << MailSecurity::Tls << u"tls"_s << 995;
        QTest::newRow("starttls") << MailSecurity::StartTls << u"starttls"_s << 110;
        QTest::newRow("none") << MailSecurity::None << u"none"_s << 110;
    }
    void securityNamesRoundTrip()
    {
        QFETCH(MailSecurity, security);
        QFETCH(QString, name);
        QFETCH(int, port);
        QCOMPARE(Types::mailSecurityName(security), name);
        QCOMPARE(Types::mailSecurityFromString(name, MailSecurity::None), security);
        QCOMPARE(Types::mailSecurityFromString(name.toUpper(), MailSecurity::None), security);
        QCOMPARE(int(Types::defaultPop3Port(security)), port);
    }

    // An unreadable value must never silently downgrade to plain text.
    void unknownSecurityUsesFallback()
    {
        QCOMPARE(Types::mailSecurityFromString(u"ssl3"_s, MailSecurity::Tls), MailSecurity::Tls);
        QCOMPARE(Types::mailSecurityFromString(QString(), MailSecurity::StartTls),
                 MailSecurity::StartTls);
    }

    void configuredNeedsHostAndUser()
    {
        Types::AccountSettings account;
        QVERIFY(!account.isConfigured());
        QCOMPARE(account.security, MailSecurity::Tls); // secure by default
        QCOMPARE(account.port, quint16(995));
        account.host = u"mail.example.org"_s;
        QVERIFY(!account.isConfigured());
        account.user = u"alice"_s;
        QVERIFY(account.isConfigured());
    }
};

QTEST_APPLESS_MAIN(TestAccountSettings)
#include "tst_accountsettings.moc"
