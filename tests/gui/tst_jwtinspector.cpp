// SPDX-License-Identifier: GPL-3.0-or-later
// The inspector panel as a user drives it: paste, read the views, the banner and the marks.
#include "client/settingsstore.h"
#include "core/jwt/signer.h"
#include "gui/jwt/jwtinspector.h"
#include "gui/languagemanager.h"

#include <QCheckBox>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextEdit>
#include <QTextLayout>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 now = 1800000000;
const QString secret = u"0123456789abcdef0123456789abcdef"_s;

QString makeToken(const QString &payload)
{
    return Jwt::signToken(u"HS256"_s, {}, payload, {Jwt::KeyInput::Kind::SecretText, secret}).token;
}

} // namespace

class TestJwtInspector : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.emplace().isValid());
        m_settings.emplace(Common::Profile::at(m_dir->path()));
        m_panel = std::make_unique<Gui::JwtInspector>(&*m_settings);
        m_panel->setNow(now);
        m_panel->resize(1000, 700);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
        QTRY_VERIFY(m_panel->isIdle());
    }
    void cleanup()
    {
        m_panel.reset();
        m_settings.reset();
    }

    void verifiedTokenIsShownDecodedAndExplained()
    {
        const QString token = makeToken(
            u"{\"sub\":\"李雷\",\"big\":12345678901234567890,\"iat\":1799999000,\"exp\":1800000240}"_s);
        m_panel->setKey(secret);
        inspect(u"  Bearer "_s + token + u"\n"_s);

        QCOMPARE(view("headerView"), u"{\n  \"alg\": \"HS256\",\n  \"typ\": \"JWT\"\n}"_s);
        QCOMPARE(
            view("payloadView"),
            u"{\n  \"sub\": \"李雷\",\n  \"big\": 12345678901234567890,\n  \"iat\": 1799999000,\n  \"exp\": 1800000240\n}"_s);
        auto *banner = child<QLabel>("banner");
        QCOMPARE(banner->property("signatureState").toString(), u"verified"_s);
        QCOMPARE(banner->property("claimsState").toString(), u"valid"_s);
        QVERIFY(banner->text().contains(u"Signature verified"_s));

        // The claims table explains every name and shows exp relative to "now".
        auto *table = child<QTableWidget>("claimsTable");
        QCOMPARE(table->rowCount(), 6); // alg, typ, sub, big, iat, exp
        QCOMPARE(table->item(0, 0)->text(), u"alg"_s);
        QVERIFY(!table->item(0, 3)->text().isEmpty());
        QCOMPARE(table->item(5, 0)->text(), u"exp"_s);
        // One line in the table: how far away; when exactly in the tooltip and the details.
        QCOMPARE(table->item(5, 2)->text(), u"expires in 4 min"_s);
        QVERIFY(table->item(5, 2)->toolTip().contains(u"2027-01-15T08:04:00Z"_s));
        table->setCurrentCell(5, 0);
        const QString details = child<QTextEdit>("claimDetails")->toPlainText();
        QVERIFY2(details.contains(u"exp"_s) && details.contains(u"expires in 4 min"_s) &&
                     details.contains(u"2027-01-15T08:04:00Z"_s),
                 qPrintable(details));
        QVERIFY(table->item(4, 2)->text().startsWith(u"issued 16 min ago"_s));
        QCOMPARE(table->item(3, 3)->text(), u"Private claim (not registered)"_s);

        // Segments are coloured in the raw token; offsets follow the pasted text.
        const auto formats =
            child<QPlainTextEdit>("tokenEdit")->document()->firstBlock().layout()->formats();
        QVERIFY(formats.size() >= 3);
        QCOMPARE(formats.first().start, 9); // after "  Bearer "
    }

    // Regression: recolouring the token emits textChanged, which once started
    // a new decode after every decode, forever.
    void showingAResultDoesNotDecodeAgain()
    {
        inspect(makeToken(u"{\"exp\":1800003600}"_s));
        QSignalSpy again(m_panel.get(), &Gui::JwtInspector::inspected);
        QTest::qWait(600);
        QCOMPARE(again.count(), 0);
        QVERIFY(m_panel->isIdle());
    }

    void expiredTokenHasItsOwnClaimVerdict()
    {
        m_panel->setKey(secret);
        inspect(makeToken(u"{\"exp\":1799740800}"_s)); // three days before "now"
        auto *banner = child<QLabel>("banner");
        QCOMPARE(banner->property("signatureState").toString(), u"verified"_s);
        QCOMPARE(banner->property("claimsState").toString(), u"expired"_s);
        QVERIFY(child<QTableWidget>("claimsTable")
                    ->item(2, 2)
                    ->text()
                    .startsWith(u"expired 3 days ago"_s));
    }

    void wrongKeySaysInvalidSignature()
    {
        m_panel->setKey(u"a different secret, also 32 bytes!"_s);
        inspect(makeToken(u"{\"exp\":1800003600}"_s));
        QCOMPARE(child<QLabel>("banner")->property("signatureState").toString(), u"invalid"_s);
        auto *issues = child<QListWidget>("issuesList");
        QCOMPARE(issues->item(0)->data(Qt::UserRole).toString(), u"signature"_s);
    }

    void brokenTokenMarksTheBadCharacter()
    {
        const QString token = makeToken(u"{\"exp\":1800003600}"_s);
        const qsizetype dot = token.indexOf(u'.');
        QString broken = token;
        broken[dot + 5] = u'*';
        inspect(broken);
        auto *banner = child<QLabel>("banner");
        QCOMPARE(banner->property("signatureState").toString(), u"undecodable"_s);
        QVERIFY2(banner->text().contains(u"position %1"_s.arg(dot + 5)),
                 qPrintable(banner->text()));
        QCOMPARE(child<QListWidget>("issuesList")->item(0)->data(Qt::UserRole).toString(),
                 u"base64"_s);

        // The character is marked with its own format (red background) at exactly that index.
        const auto formats =
            child<QPlainTextEdit>("tokenEdit")->document()->firstBlock().layout()->formats();
        bool marked = false;
        for (const QTextLayout::FormatRange &range : formats)
            if (range.format.background().color() == QColor(0xff, 0xd6, 0xd6))
                marked = range.start == dot + 5 && range.length == 1;
        QVERIFY(marked);
    }

    // Issue 11, item 9: docked beside the message list the panel is about 560 px wide. The claims
    // must read there without scrolling sideways, one line per claim.
    void claimsFitANarrowPanel_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<Qt::Orientation>("splitter");
        QTest::newRow("docked, 560 px") << 560 << Qt::Vertical;
        QTest::newRow("own window, 900 px") << 900 << Qt::Vertical;
        QTest::newRow("own window, 1200 px") << 1200 << Qt::Horizontal;
    }
    void claimsFitANarrowPanel()
    {
        QFETCH(int, width);
        QFETCH(Qt::Orientation, splitter);
        const QString scope =
            u"openid profile email offline_access mail.read mail.send contacts.read calendar.read"_s;
        m_panel->resize(width, 700);
        inspect(makeToken(
            u"{\"iss\":\"https://auth.tidings.test/realms/tidings-users\",\"sub\":\"alice\","
            "\"scope\":\"%1\",\"nbf\":1799999000,\"iat\":1799999000,\"exp\":1800000240}"_s.arg(
                scope)));
        child<QTabWidget>("decodedTabs")->setCurrentIndex(2);
        QTRY_COMPARE(child<QSplitter>("decodeSplitter")->orientation(), splitter);
        auto *table = child<QTableWidget>("claimsTable");
        QTRY_VERIFY(table->isVisible() && table->viewport()->width() > 0);
        QCoreApplication::processEvents();

        const QHeaderView *header = table->horizontalHeader();
        const int viewport = table->viewport()->width();
        QVERIFY2(header->length() <= viewport,
                 qPrintable(u"%1 > %2"_s.arg(header->length()).arg(viewport)));
        QVERIFY(table->horizontalScrollBar()->maximum() == 0);
        // Name and Time whole, Value and Meaning at least 12 characters each.
        QFont bold = table->font();
        bold.setBold(true);
        const QFontMetrics fm(table->font());
        int widestTime = 0;
        for (int row = 0; row < table->rowCount(); ++row) {
            QVERIFY2(header->sectionSize(0) >=
                         QFontMetrics(bold).horizontalAdvance(table->item(row, 0)->text()),
                     qPrintable(table->item(row, 0)->text()));
            widestTime = qMax(widestTime, fm.horizontalAdvance(table->item(row, 2)->text()));
            QVERIFY2(table->rowHeight(row) < 2 * fm.lineSpacing(),
                     qPrintable(QString::number(table->rowHeight(row))));
        }
        QVERIFY(widestTime > 0);
        QVERIFY2(header->sectionSize(2) >= widestTime,
                 qPrintable(QString::number(header->sectionSize(2))));
        QVERIFY(header->sectionSize(1) >= fm.averageCharWidth() * 12);
        QVERIFY(header->sectionSize(3) >= fm.averageCharWidth() * 12);
        // What does not fit is in the tooltip and, for the selected row, below the table.
        QCOMPARE(table->item(4, 0)->text(), u"scope"_s);
        QVERIFY(table->item(4, 1)->toolTip().contains(scope));
        table->setCurrentCell(4, 1);
        QVERIFY(child<QTextEdit>("claimDetails")->toPlainText().contains(scope));
    }

    void historyIsOffUntilTheUserOptsIn()
    {
        const QString token = makeToken(u"{\"exp\":1800003600}"_s);
        inspect(token);
        QVERIFY(m_settings->jwtHistory().isEmpty());
        child<QCheckBox>("keepHistoryCheck")->setChecked(true);
        inspect(token + u" "_s);
        QCOMPARE(m_settings->jwtHistory(), QStringList{token});
        child<QCheckBox>("keepHistoryCheck")->setChecked(false);
        QVERIFY(m_settings->jwtHistory().isEmpty()); // turning it off forgets
    }

    void hugeTokenDecodesOffTheGuiThread()
    {
        const QString token = makeToken(u"{\"data\":\"%1\"}"_s.arg(QString(1100000, u'x')));
        QVERIFY(token.size() > 1400000);
        QElapsedTimer timer;
        timer.start();
        QSignalSpy done(m_panel.get(), &Gui::JwtInspector::inspected);
        m_panel->setToken(token);
        // The event loop keeps running while the worker decodes.
        QVERIFY(done.wait(20000));
        QTRY_VERIFY_WITH_TIMEOUT(m_panel->isIdle(), 20000);
        QVERIFY2(child<QLabel>("banner")->property("signatureState").toString() == u"not-checked"_s,
                 qPrintable(child<QLabel>("banner")->text()));
        QVERIFY(view("payloadView").size() > 1100000);
    }

    void chineseBannerAndExplanations()
    {
        Gui::LanguageManager languages;
        languages.setLanguage(u"zh_CN"_s);
        m_panel->setKey(secret);
        inspect(makeToken(u"{\"exp\":1799740800}"_s));
        QTRY_VERIFY(child<QLabel>("banner")->text().contains(QRegularExpression(u"\\p{Han}"_s)));
        QTRY_VERIFY(child<QTableWidget>("claimsTable")
                        ->item(0, 3)
                        ->text()
                        .contains(QRegularExpression(u"\\p{Han}"_s)));
        languages.setLanguage(u"en"_s);
    }

private:
    void inspect(const QString &token)
    {
        m_panel->setToken(token);
        QVERIFY(!m_panel->isIdle());
        QTRY_VERIFY_WITH_TIMEOUT(m_panel->isIdle(), 10000);
    }
    template<typename T> T *child(const char *name)
    {
        auto *w = m_panel->findChild<T *>(QString::fromLatin1(name));
        if (!w)
            qFatal("no child %s", name);
        return w;
    }
    QString view(const char *name) { return child<QPlainTextEdit>(name)->toPlainText(); }

    std::optional<QTemporaryDir> m_dir;
    std::optional<Client::SettingsStore> m_settings;
    std::unique_ptr<Gui::JwtInspector> m_panel;
};

QTEST_MAIN(TestJwtInspector)
#include "tst_jwtinspector.moc"
