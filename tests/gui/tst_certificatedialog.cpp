// SPDX-License-Identifier: GPL-3.0-or-later
// The certificate question as the user sees it, from certificates made by the openssl CLI:
// every field read back against what openssl itself says about the same file.
#include "gui/certificatedialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString kCaConfig = u"[ca]\ndefault_ca = d\n[d]\ndatabase = index.txt\nnew_certs_dir = .\n"
                          "default_md = sha256\npolicy = p\nserial = serial\n"
                          "[p]\ncommonName = supplied\n"_s;

} // namespace

class TestCertificateDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // A current self-signed server certificate with names, like a small provider's.
        QVERIFY(openssl({u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                         u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s, u"-keyout"_s,
                         u"current.key"_s, u"-out"_s, u"current.pem"_s, u"-days"_s, u"30"_s,
                         u"-subj"_s, u"/CN=pop.example.test/O=Example Mail"_s, u"-addext"_s,
                         u"subjectAltName=DNS:pop.example.test,DNS:mail.example.test"_s}));
        // One valid only in 2020 (openssl ca sets the dates; req -x509 cannot go back).
        QFile config(m_dir.filePath(u"ca.cnf"_s));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(kCaConfig.toUtf8());
        config.close();
        QFile index(m_dir.filePath(u"index.txt"_s));
        QVERIFY(index.open(QIODevice::WriteOnly));
        index.close();
        QFile serial(m_dir.filePath(u"serial"_s));
        QVERIFY(serial.open(QIODevice::WriteOnly));
        serial.write("01\n");
        serial.close();
        QVERIFY(openssl({u"req"_s, u"-new"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                         u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s, u"-keyout"_s, u"old.key"_s,
                         u"-out"_s, u"old.csr"_s, u"-subj"_s, u"/CN=old.example.test"_s}));
        QVERIFY(
            openssl({u"ca"_s, u"-batch"_s, u"-config"_s, u"ca.cnf"_s, u"-selfsign"_s, u"-keyfile"_s,
                     u"old.key"_s, u"-in"_s, u"old.csr"_s, u"-out"_s, u"old.pem"_s, u"-startdate"_s,
                     u"20200101000000Z"_s, u"-enddate"_s, u"20210101000000Z"_s}));
    }

    void showsTheCertificateAsOpensslReadsIt()
    {
        Client::CertificateQuestion q = question(u"current.pem"_s);
        q.problems = {u"The certificate is self-signed, and untrusted"_s,
                      u"The host name did not match <b>any</b> of the valid hosts"_s};
        Gui::CertificateDialog dialog(q);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        QCOMPARE(dialog.windowTitle(), u"Untrusted Certificate"_s);
        QCOMPARE(label(dialog, "subjectValue"), u"pop.example.test (Example Mail)"_s);
        QCOMPARE(label(dialog, "issuerValue"), u"pop.example.test (Example Mail)"_s);
        QCOMPARE(label(dialog, "namesValue"), u"pop.example.test, mail.example.test"_s);
        QCOMPARE(label(dialog, "fingerprintValue").replace(u'\n', u':'),
                 opensslFingerprint(u"current.pem"_s));
        QVERIFY(!dialog.findChild<QLabel *>(u"previousFingerprintValue"_s));
        QVERIFY(!dialog.findChild<QLabel *>(u"validUntilValue"_s)->property("alarm").toBool());
        QVERIFY(!dialog.findChild<QLabel *>(u"validFromValue"_s)->property("alarm").toBool());
        // The problems in words, each once, markup from the certificate's side kept as text.
        const QString problems = label(dialog, "problemsLabel");
        QVERIFY(problems.contains(u"self-signed"_s));
        QVERIFY2(problems.contains(u"&lt;b&gt;any&lt;/b&gt;"_s), qPrintable(problems));
        QVERIFY(label(dialog, "headline").contains(u"pop.example.test, port 995"_s));
    }

    void expiredCertificateIsMarked()
    {
        Gui::CertificateDialog dialog(question(u"old.pem"_s));
        const QDateTime from(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);
        const QDateTime until(QDate(2021, 1, 1), QTime(0, 0), Qt::UTC);
        QCOMPARE(label(dialog, "validFromValue"),
                 from.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s));
        QCOMPARE(label(dialog, "validUntilValue"),
                 until.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s) + u" (expired)"_s);
        QVERIFY(dialog.findChild<QLabel *>(u"validUntilValue"_s)->property("alarm").toBool());
        QCOMPARE(label(dialog, "subjectValue"), u"old.example.test"_s);

        const QSslCertificate old = dialog.question().certificate;
        QCOMPARE(Gui::certificateValidity(old, from.addDays(-1)),
                 Gui::CertificateValidity::NotYetValid);
        QCOMPARE(Gui::certificateValidity(old, from.addDays(1)), Gui::CertificateValidity::Valid);
        QCOMPARE(Gui::certificateValidity(old, until.addDays(1)),
                 Gui::CertificateValidity::Expired);
    }

    void changedCertificateShowsBothFingerprints()
    {
        Client::CertificateQuestion q = question(u"current.pem"_s);
        q.pinnedSha256 = certificate(u"old.pem"_s).digest(QCryptographicHash::Sha256);
        Gui::CertificateDialog dialog(q);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.isChange());
        QCOMPARE(dialog.windowTitle(), u"Certificate Changed"_s);
        QVERIFY(label(dialog, "headline").contains(u"CHANGED"_s));
        QVERIFY(label(dialog, "warningLabel").contains(u"intercepting"_s));
        QCOMPARE(label(dialog, "previousFingerprintValue").replace(u'\n', u':'),
                 opensslFingerprint(u"old.pem"_s));
        QCOMPARE(label(dialog, "fingerprintValue").replace(u'\n', u':'),
                 opensslFingerprint(u"current.pem"_s));
        // Even when the system accepts the new one, the dialog says what is wrong.
        QVERIFY(label(dialog, "problemsLabel").contains(u"not the one you trusted"_s));
        // A pin kept as hex text reads the same.
        QCOMPARE(Gui::fingerprintText(q.pinnedSha256.toHex()),
                 Gui::fingerprintText(q.pinnedSha256));
    }

    void cancelIsTheDefaultAndEnterOrEscapeNeverTrust()
    {
        for (const int key : {int(Qt::Key_Return), int(Qt::Key_Escape)}) {
            Gui::CertificateDialog dialog(question(u"current.pem"_s));
            auto *cancel = dialog.findChild<QPushButton *>(u"cancelButton"_s);
            auto *trust = dialog.findChild<QPushButton *>(u"trustButton"_s);
            QVERIFY(cancel->isDefault());
            QVERIFY(!trust->isDefault() && !trust->autoDefault());
            QCOMPARE(trust->text(), u"&Trust This Certificate"_s);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QCOMPARE(QApplication::focusWidget(), cancel);
            QTest::keyClick(&dialog, Qt::Key(key));
            QVERIFY(!dialog.isVisible());
            QCOMPARE(dialog.result(), int(QDialog::Rejected));
            QVERIFY(!dialog.trusted());
        }
        // Tab goes from the fingerprint trusted before to the new one, then to the buttons.
        Client::CertificateQuestion changed = question(u"current.pem"_s);
        changed.pinnedSha256 = QByteArray(32, '\x11');
        Gui::CertificateDialog dialog(changed);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *previous = dialog.findChild<QLabel *>(u"previousFingerprintValue"_s);
        previous->setFocus();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->objectName(), u"fingerprintValue"_s);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QVERIFY(qobject_cast<QPushButton *>(QApplication::focusWidget()));
        dialog.findChild<QPushButton *>(u"trustButton"_s)->click();
        QVERIFY(dialog.trusted());
    }

private:
    bool openssl(const QStringList &arguments)
    {
        QProcess process;
        process.setWorkingDirectory(m_dir.path());
        process.start(u"openssl"_s, arguments);
        if (!process.waitForFinished(30000) || process.exitCode() != 0) {
            qWarning() << process.readAllStandardError();
            return false;
        }
        m_lastOutput = QString::fromLatin1(process.readAllStandardOutput());
        return true;
    }
    QString opensslFingerprint(const QString &file)
    {
        if (!openssl({u"x509"_s, u"-in"_s, file, u"-noout"_s, u"-fingerprint"_s, u"-sha256"_s}))
            return {};
        return m_lastOutput.section(u'=', 1).trimmed(); // "sha256 Fingerprint=AB:CD:..."
    }
    QSslCertificate certificate(const QString &file)
    {
        const auto list = QSslCertificate::fromPath(m_dir.filePath(file));
        return list.value(0);
    }
    Client::CertificateQuestion question(const QString &file)
    {
        Client::CertificateQuestion q;
        q.accountId = u"account-1"_s;
        q.host = u"pop.example.test"_s;
        q.port = 995;
        q.certificate = certificate(file);
        return q;
    }
    static QString label(const QDialog &dialog, const char *name)
    {
        auto *l = dialog.findChild<QLabel *>(QString::fromLatin1(name));
        if (!l)
            qFatal("no label %s", name);
        return l->text();
    }

    QTemporaryDir m_dir;
    QString m_lastOutput;
};

QTEST_MAIN(TestCertificateDialog)
#include "tst_certificatedialog.moc"
