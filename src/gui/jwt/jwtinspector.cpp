// SPDX-License-Identifier: GPL-3.0-or-later
#include "jwtinspector.h"

#include "claimstable.h"
#include "jsonhighlighter.h"
#include "tokenhighlighter.h"
#include "ui_jwtinspector.h"

#include "client/settingsstore.h"
#include "core/jwt/catalog.h"
#include "core/jwt/inspector.h"
#include "core/jwt/signer.h"
#include "core/jwt/timetext.h"

#include <QClipboard>
#include <QDateTime>
#include <QDragEnterEvent>
#include <QFile>
#include <QFileDialog>
#include <QGuiApplication>
#include <QMenu>
#include <QMimeData>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace Gui {

namespace {

constexpr int debounceMs = 120;
constexpr qint64 maxFileBytes = 8 * 1024 * 1024;
constexpr int maxShownValue = 300;
constexpr int historySize = 20;
constexpr int detailLines = 4;
constexpr int keyLinesBeside = 7;
constexpr int keyLinesStacked = 3;
// Narrower than this, the decoded views go below the token instead of beside it.
constexpr int sideBySideMinChars = 150;
enum ClaimRole { FullTextRole = Qt::UserRole + 1 };

// Rich text so that a long tooltip wraps; the token's own text stays text.
QString wrappedToolTip(const QString &text)
{
    return u"<p>"_s + text.toHtmlEscaped() + u"</p>"_s;
}

QString readSmallFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    if (file.size() > maxFileBytes) {
        *error = JwtInspector::tr("the file is larger than 8 MB");
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

// Auto-detects what the verification text is: PEM and JSON are keys, the rest a secret.
Jwt::KeyInput keyInputFrom(const QString &text, bool base64)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    if (trimmed.startsWith(u"-----BEGIN"_s) || trimmed.startsWith(u'{'))
        return {Jwt::KeyInput::Kind::KeyText, trimmed};
    return {base64 ? Jwt::KeyInput::Kind::SecretBase64 : Jwt::KeyInput::Kind::SecretText, text};
}

QString colourName(const QColor &c)
{
    return c.name(QColor::HexRgb);
}

} // namespace

JwtInspector::JwtInspector(Client::SettingsStore *settings, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::JwtInspector>())
    , m_settings(settings)
{
    m_ui->setupUi(this);
    m_pool.setMaxThreadCount(1);
    setAcceptDrops(true);
    m_ui->tokenEdit->setAcceptDrops(false); // the panel handles drops, text and files alike
    m_ui->tokenEdit->setWordWrapMode(QTextOption::WrapAnywhere);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QPlainTextEdit *edit :
         {m_ui->tokenEdit, m_ui->headerView, m_ui->payloadView, m_ui->keyEdit,
          m_ui->encodeHeaderEdit, m_ui->encodePayloadEdit, m_ui->signingKeyEdit, m_ui->encodedView})
        edit->setFont(mono);
    m_tokenHighlighter = new TokenHighlighter(m_ui->tokenEdit->document());
    new JsonHighlighter(m_ui->headerView->document());
    new JsonHighlighter(m_ui->payloadView->document());
    new JsonHighlighter(m_ui->encodeHeaderEdit->document());
    new JsonHighlighter(m_ui->encodePayloadEdit->document());
    m_ui->headerTitle->setStyleSheet(
        u"color: %1; font-weight: bold;"_s.arg(colourName(SegmentColours::header())));
    m_ui->payloadTitle->setStyleSheet(
        u"color: %1; font-weight: bold;"_s.arg(colourName(SegmentColours::payload())));
    m_ui->decodeSplitter->setStretchFactor(0, 1);
    m_ui->decodeSplitter->setStretchFactor(1, 1);
    // One line per claim in the table; the selected one in full below it (also from the keyboard).
    m_ui->claimsTable->setAccessibleName(tr("Claims"));
    m_ui->claimDetails->setAccessibleName(tr("Selected claim"));
    m_ui->claimDetails->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_ui->claimDetails->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_ui->claimDetails->setMaximumHeight(fontMetrics().lineSpacing() * detailLines);
    connect(m_ui->claimsTable, &QTableWidget::currentCellChanged, this,
            &JwtInspector::showClaimDetails);
    m_ui->leftLayout->setStretchFactor(m_ui->tokenEdit, 1);
    m_ui->encodeHeaderEdit->setPlainText(u"{\n  \"typ\": \"JWT\"\n}"_s);
    m_ui->encodePayloadEdit->setPlainText(
        u"{\n  \"sub\": \"tester\",\n  \"iat\": %1,\n  \"exp\": %2\n}"_s
            .arg(QDateTime::currentSecsSinceEpoch())
            .arg(QDateTime::currentSecsSinceEpoch() + 3600));
    fillAlgorithms();

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(debounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &JwtInspector::startInspect);
    m_clock.setInterval(1000); // relative times ("expires in 4 min") stay current
    connect(&m_clock, &QTimer::timeout, this, &JwtInspector::refreshTimes);
    m_clock.start();
    connect(&m_watcher, &QFutureWatcher<Jwt::Report>::finished, this, [this] {
        const Jwt::Report report = m_watcher.result();
        m_shownGeneration = m_generation;
        showReport(report);
        if (m_pending) {
            m_pending = false;
            startInspect();
        }
    });

    // textChanged also fires when the highlighter recolours the token; only a
    // real edit may start a new decode, or showing a result would loop.
    connect(m_ui->tokenEdit, &QPlainTextEdit::textChanged, this, [this] {
        if (m_ui->tokenEdit->toPlainText() != m_inspectedText)
            scheduleInspect();
    });
    connect(m_ui->keyEdit, &QPlainTextEdit::textChanged, this, &JwtInspector::scheduleInspect);
    connect(m_ui->secretBase64Check, &QCheckBox::toggled, this, &JwtInspector::scheduleInspect);
    connect(m_ui->pasteButton, &QToolButton::clicked, this,
            [this] { m_ui->tokenEdit->setPlainText(QGuiApplication::clipboard()->text()); });
    connect(m_ui->clearButton, &QToolButton::clicked, m_ui->tokenEdit, &QPlainTextEdit::clear);
    connect(m_ui->copyTokenButton, &QToolButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_report ? m_report->token.text
                                                       : m_ui->tokenEdit->toPlainText());
    });
    connect(m_ui->copyHeaderButton, &QToolButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_ui->headerView->toPlainText()); });
    connect(m_ui->copyPayloadButton, &QToolButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_ui->payloadView->toPlainText()); });
    connect(m_ui->openTokenButton, &QToolButton::clicked, this, &JwtInspector::openTokenFile);
    connect(m_ui->openKeyButton, &QPushButton::clicked, this, [this] { openKeyFile(false); });
    connect(m_ui->openSigningKeyButton, &QPushButton::clicked, this, [this] { openKeyFile(true); });
    connect(m_ui->signButton, &QPushButton::clicked, this, &JwtInspector::sign);
    connect(m_ui->copyEncodedButton, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_ui->encodedView->toPlainText()); });
    connect(m_ui->inspectEncodedButton, &QPushButton::clicked, this, [this] {
        setToken(m_ui->encodedView->toPlainText());
        m_ui->modeTabs->setCurrentWidget(m_ui->decodeTab);
    });

    // History only when the user asks for it: tokens are credentials.
    m_ui->keepHistoryCheck->setChecked(m_settings && m_settings->keepJwtHistory());
    m_ui->keepHistoryCheck->setEnabled(m_settings);
    m_ui->historyButton->setMenu(new QMenu(m_ui->historyButton));
    connect(m_ui->keepHistoryCheck, &QCheckBox::toggled, this, [this](bool keep) {
        m_settings->setKeepJwtHistory(keep);
        if (!keep)
            m_settings->setJwtHistory({}); // turning it off forgets what was kept
        m_settings->sync();
        rebuildHistoryMenu();
    });
    rebuildHistoryMenu();
    m_ui->decodeSplitter->installEventFilter(this);
    fitSplitterToWidth();
    startInspect();
}

JwtInspector::~JwtInspector()
{
    m_watcher.waitForFinished();
}

void JwtInspector::setToken(const QString &token)
{
    m_ui->tokenEdit->setPlainText(token);
}

void JwtInspector::setKey(const QString &key, bool base64)
{
    m_ui->secretBase64Check->setChecked(base64);
    m_ui->keyEdit->setPlainText(key);
}

void JwtInspector::setNow(std::optional<qint64> now)
{
    m_now = now;
    scheduleInspect();
}

bool JwtInspector::isIdle() const
{
    return !m_debounce.isActive() && !m_watcher.isRunning() && !m_pending;
}

qint64 JwtInspector::currentTime() const
{
    return m_now ? *m_now : QDateTime::currentSecsSinceEpoch();
}

void JwtInspector::scheduleInspect()
{
    m_debounce.start();
}

void JwtInspector::startInspect()
{
    if (m_watcher.isRunning()) {
        m_pending = true; // one decode at a time; the newest text wins
        return;
    }
    ++m_generation;
    Jwt::InspectOptions options;
    options.now = currentTime();
    const QString text = m_ui->tokenEdit->toPlainText();
    m_inspectedText = text;
    const Jwt::KeyInput key =
        keyInputFrom(m_ui->keyEdit->toPlainText(), m_ui->secretBase64Check->isChecked());
    m_watcher.setFuture(QtConcurrent::run(
        &m_pool, [text, key, options] { return Jwt::inspect(text, key, options); }));
}

void JwtInspector::showReport(const Jwt::Report &report)
{
    m_report = std::make_unique<Jwt::Report>(report);
    const Jwt::Token &t = report.token;
    const bool empty = t.text.isEmpty();

    QList<TokenHighlighter::Range> ranges;
    for (qsizetype i = 0; i < t.segments.size(); ++i)
        ranges.append({int(t.textOffset + t.segments[i].start), int(t.segments[i].length), int(i)});
    int errorPosition = -1;
    for (const Jwt::Error &e : report.errors)
        if (e.position >= 0) {
            errorPosition = int(t.textOffset + e.position);
            break;
        }
    m_tokenHighlighter->setSegments(ranges, errorPosition);

    const auto header = Jwt::displayText(t.header, t.headerText());
    const auto payload = Jwt::displayText(t.payload, t.payloadText());
    auto binaryNote = [](const QByteArray &bytes) {
        return bytes.isEmpty() ? QString()
                               : tr("(%1 bytes that are not UTF-8 text)").arg(bytes.size());
    };
    m_ui->headerView->setPlainText(header ? *header : binaryNote(t.headerBytes));
    m_ui->payloadView->setPlainText(payload ? *payload : binaryNote(t.payloadBytes));

    showBanner(report);
    m_ui->banner->setVisible(!empty);
    showIssues(report);
    showClaims(report);
    showKeyStatus();
    if (!empty && report.decoded())
        rememberInHistory(t.text);
    Q_EMIT inspected();
}

void JwtInspector::showBanner(const Jwt::Report &r)
{
    QString signature;
    QString signatureState;
    switch (r.signature) {
    case Jwt::SignatureVerdict::Valid:
        signature = tr("Signature verified with the %1").arg(r.keyUsed);
        signatureState = u"verified"_s;
        break;
    case Jwt::SignatureVerdict::Invalid:
        signature = tr("Invalid signature");
        signatureState = u"invalid"_s;
        break;
    case Jwt::SignatureVerdict::NotChecked:
        signature = tr("Signature not checked");
        signatureState = u"not-checked"_s;
        break;
    case Jwt::SignatureVerdict::NoMatchingKey:
        signature = tr("No matching key");
        signatureState = u"no-matching-key"_s;
        break;
    }
    QString claims;
    QString claimsState;
    switch (r.claims) {
    case Jwt::ClaimsVerdict::Valid:
        claims = tr("Claims valid");
        claimsState = u"valid"_s;
        break;
    case Jwt::ClaimsVerdict::Expired:
        claims = tr("Expired");
        claimsState = u"expired"_s;
        break;
    case Jwt::ClaimsVerdict::NotYetValid:
        claims = tr("Not yet valid");
        claimsState = u"not-yet-valid"_s;
        break;
    case Jwt::ClaimsVerdict::Rejected:
        claims = tr("Claims rejected");
        claimsState = u"rejected"_s;
        break;
    case Jwt::ClaimsVerdict::NotChecked:
        claims = tr("Claims not checked");
        claimsState = u"not-checked"_s;
        break;
    }
    QColor background(0xe8, 0xf5, 0xe9);
    QColor border(0x2e, 0x7d, 0x32);
    QString text;
    if (!r.decoded()) {
        background = QColor(0xfd, 0xec, 0xea);
        border = QColor(0xc6, 0x28, 0x28);
        signatureState = u"undecodable"_s;
        text = u"<b>%1</b><br>%2"_s.arg(tr("Cannot decode this token").toHtmlEscaped(),
                                        r.errors.first().message.toHtmlEscaped());
    } else {
        if (r.exitCode() != 0) {
            background = QColor(0xfd, 0xec, 0xea);
            border = QColor(0xc6, 0x28, 0x28);
        } else if (r.signature == Jwt::SignatureVerdict::NotChecked) {
            background = QColor(0xff, 0xf8, 0xe1);
            border = QColor(0xb2, 0x6a, 0x00);
        }
        text = u"<b>%1</b> &nbsp;·&nbsp; <b>%2</b>"_s.arg(signature.toHtmlEscaped(),
                                                          claims.toHtmlEscaped());
        if (!r.errors.isEmpty())
            text += u"<br>"_s + r.errors.first().message.toHtmlEscaped();
        else if (r.signature == Jwt::SignatureVerdict::NotChecked)
            text +=
                u"<br>"_s +
                tr("Enter the secret or public key below to verify the signature.").toHtmlEscaped();
    }
    m_ui->banner->setText(text);
    m_ui->banner->setStyleSheet(
        u"QLabel { background: %1; color: #1d1d1d; border: 1px solid %2; border-left: 5px solid %2; border-radius: 3px; }"_s
            .arg(colourName(background), colourName(border)));
    m_ui->banner->setProperty("signatureState", signatureState);
    m_ui->banner->setProperty("claimsState", claimsState);
}

void JwtInspector::showIssues(const Jwt::Report &r)
{
    m_ui->issuesList->clear();
    const QIcon error = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (const Jwt::Error &e : r.errors) {
        auto *item = new QListWidgetItem(error, e.message, m_ui->issuesList);
        item->setData(Qt::UserRole, Jwt::errorKindName(e.kind));
    }
    for (const Jwt::Warning &w : r.warnings) {
        auto *item = new QListWidgetItem(warning, w.message, m_ui->issuesList);
        item->setData(Qt::UserRole, Jwt::warningKindName(w.kind));
    }
    m_ui->issuesList->setVisible(m_ui->issuesList->count() > 0);
}

void JwtInspector::showClaims(const Jwt::Report &r)
{
    QTableWidget *table = m_ui->claimsTable;
    const int shownRow = table->currentRow();
    table->setRowCount(0);
    auto addRows = [&](const std::optional<Jwt::JsonValue> &object, bool header) {
        if (!object)
            return;
        const QColor tint = header ? SegmentColours::header() : SegmentColours::payload();
        for (const Jwt::JsonMember &m : object->members) {
            const int row = table->rowCount();
            table->insertRow(row);
            QString value = m.value.isString() ? m.value.text : Jwt::toCompactJson(m.value);
            if (value.size() > maxShownValue)
                value = value.left(maxShownValue) + u'…';
            QString meaning =
                header ? Jwt::explainHeaderParameter(m.name) : Jwt::explainClaim(m.name);
            if (meaning.isEmpty())
                meaning = header ? tr("Header parameter that is not registered")
                                 : tr("Private claim (not registered)");
            auto *name = new QTableWidgetItem(m.name);
            name->setForeground(tint);
            name->setToolTip(header ? tr("Header parameter") : tr("Payload claim"));
            QFont bold = name->font();
            bold.setBold(true);
            name->setFont(bold);
            table->setItem(row, ClaimsTable::NameColumn, name);
            // One line in the table: a value's line breaks show as spaces there, as written below.
            auto *valueItem = new QTableWidgetItem(QString(value).replace(u'\n', u' '));
            valueItem->setData(FullTextRole, value);
            valueItem->setToolTip(wrappedToolTip(value));
            table->setItem(row, ClaimsTable::ValueColumn, valueItem);
            table->setItem(row, ClaimsTable::TimeColumn, new QTableWidgetItem());
            table->item(row, ClaimsTable::TimeColumn)
                ->setData(Qt::UserRole, header ? QString() : m.name);
            auto *meaningItem = new QTableWidgetItem(meaning);
            meaningItem->setToolTip(wrappedToolTip(meaning));
            table->setItem(row, ClaimsTable::MeaningColumn, meaningItem);
        }
    };
    addRows(r.token.header, true);
    addRows(r.token.payload, false);
    if (shownRow >= 0 && shownRow < table->rowCount())
        table->setCurrentCell(shownRow, 0);
    refreshTimes();
}

void JwtInspector::refreshTimes()
{
    if (!m_report)
        return;
    const qint64 now = currentTime();
    QTableWidget *table = m_ui->claimsTable;
    for (int row = 0; row < table->rowCount(); ++row) {
        QTableWidgetItem *item = table->item(row, ClaimsTable::TimeColumn);
        const QString claim = item->data(Qt::UserRole).toString();
        for (const Jwt::TimeClaim &t : m_report->times) {
            if (t.name != claim)
                continue;
            if (!t.inRange) {
                item->setText(tr("out of range"));
                item->setData(FullTextRole, item->text());
                continue;
            }
            // The table shows how far away it is; the tooltip and the details when exactly.
            const QDateTime local = QDateTime::fromSecsSinceEpoch(t.unix).toLocalTime();
            const QString relative = Jwt::relativeText(t.name, t.unix, now);
            const QString exact =
                tr("%1 (local time)\n%2")
                    .arg(QLocale().toString(local, QLocale::LongFormat), Jwt::utcText(t.unix));
            item->setText(relative);
            item->setToolTip(exact);
            item->setData(FullTextRole, QString(relative + u'\n' + exact));
        }
    }
    static_cast<ClaimsTable *>(table)->fitColumns();
    showClaimDetails(table->currentRow());
}

void JwtInspector::showClaimDetails(int row)
{
    QTableWidget *table = m_ui->claimsTable;
    if (row < 0 || row >= table->rowCount()) {
        m_ui->claimDetails->clear();
        return;
    }
    auto text = [&](int column, int role) {
        return table->item(row, column)->data(role).toString();
    };
    QString html = u"<b>%1</b> · %2 — %3"_s.arg(
        text(ClaimsTable::NameColumn, Qt::DisplayRole).toHtmlEscaped(),
        text(ClaimsTable::NameColumn, Qt::ToolTipRole).toHtmlEscaped(),
        text(ClaimsTable::MeaningColumn, Qt::DisplayRole).toHtmlEscaped());
    html += u"<br><tt>%1</tt>"_s.arg(
        text(ClaimsTable::ValueColumn, FullTextRole).toHtmlEscaped().replace(u'\n', u"<br>"_s));
    const QString time = text(ClaimsTable::TimeColumn, FullTextRole);
    if (!time.isEmpty())
        html += u"<br>"_s + time.toHtmlEscaped().replace(u'\n', u" · "_s);
    m_ui->claimDetails->setHtml(html);
}

void JwtInspector::showKeyStatus()
{
    const Jwt::KeyInput input =
        keyInputFrom(m_ui->keyEdit->toPlainText(), m_ui->secretBase64Check->isChecked());
    m_ui->secretBase64Check->setEnabled(input.kind != Jwt::KeyInput::Kind::KeyText);
    if (input.kind == Jwt::KeyInput::Kind::None) {
        m_ui->keyStatus->setText(tr("No key: the token is decoded but not verified."));
        m_ui->keyStatus->setStyleSheet(QString());
        return;
    }
    const Jwt::KeySet keys = Jwt::readKeys(input);
    if (!keys.error.isEmpty()) {
        m_ui->keyStatus->setText(keys.error);
        m_ui->keyStatus->setStyleSheet(u"color: #b71c1c;"_s);
        return;
    }
    QStringList names;
    for (const Jwt::CandidateKey &k : keys.keys)
        names << (k.kid.isEmpty() ? k.description : tr("%1 (kid %2)").arg(k.description, k.kid));
    m_ui->keyStatus->setText(tr("Key: %1").arg(names.join(u"; "_s)));
    m_ui->keyStatus->setStyleSheet(QString());
}

void JwtInspector::openTokenFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Token"));
    if (path.isEmpty())
        return;
    QString error;
    const QString text = readSmallFile(path, &error);
    if (!error.isEmpty()) {
        m_ui->banner->setText(tr("Cannot open %1: %2").arg(path, error).toHtmlEscaped());
        return;
    }
    setToken(text);
}

void JwtInspector::openKeyFile(bool forSigning)
{
    const QString path = QFileDialog::getOpenFileName(
        this, forSigning ? tr("Open Signing Key") : tr("Open Key"), QString(),
        tr("Keys and certificates (*.pem *.crt *.cer *.key *.pub *.json *.jwk *.jwks);;All files "
           "(*)"));
    if (path.isEmpty())
        return;
    QString error;
    const QString text = readSmallFile(path, &error);
    QLabel *status = forSigning ? m_ui->encodeStatus : m_ui->keyStatus;
    if (!error.isEmpty()) {
        status->setText(tr("Cannot open %1: %2").arg(path, error));
        return;
    }
    (forSigning ? m_ui->signingKeyEdit : m_ui->keyEdit)->setPlainText(text);
}

void JwtInspector::fillAlgorithms()
{
    m_ui->algCombo->clear();
    m_ui->algCombo->addItems(Jwt::supportedAlgorithms());
}

void JwtInspector::sign()
{
    const Jwt::KeyInput key =
        keyInputFrom(m_ui->signingKeyEdit->toPlainText(), m_ui->signingBase64Check->isChecked());
    if (key.kind == Jwt::KeyInput::Kind::None) {
        m_ui->encodeStatus->setText(tr("Enter a secret or a private key to sign with."));
        m_ui->encodeStatus->setStyleSheet(u"color: #b71c1c;"_s);
        return;
    }
    const Jwt::SignResult result =
        Jwt::signToken(m_ui->algCombo->currentText(), m_ui->encodeHeaderEdit->toPlainText(),
                       m_ui->encodePayloadEdit->toPlainText(), key);
    m_ui->encodedView->setPlainText(result.token);
    m_ui->encodeStatus->setText(result.token.isEmpty()
                                    ? result.error
                                    : tr("Signed with %1.").arg(m_ui->algCombo->currentText()));
    m_ui->encodeStatus->setStyleSheet(result.token.isEmpty() ? u"color: #b71c1c;"_s : QString());
}

void JwtInspector::rememberInHistory(const QString &token)
{
    if (!m_settings || !m_settings->keepJwtHistory())
        return;
    QStringList history = m_settings->jwtHistory();
    history.removeAll(token);
    history.prepend(token);
    while (history.size() > historySize)
        history.removeLast();
    m_settings->setJwtHistory(history);
    rebuildHistoryMenu();
}

void JwtInspector::rebuildHistoryMenu()
{
    QMenu *menu = m_ui->historyButton->menu();
    menu->clear();
    const QStringList history =
        m_settings && m_settings->keepJwtHistory() ? m_settings->jwtHistory() : QStringList();
    m_ui->historyButton->setEnabled(!history.isEmpty());
    m_ui->historyButton->setToolTip(
        m_settings && m_settings->keepJwtHistory()
            ? tr("Tokens inspected before")
            : tr("History is off: tick \"Keep a history\" to keep tokens"));
    for (const QString &token : history) {
        const QString label = token.size() > 48 ? token.left(22) + u'…' + token.right(22) : token;
        menu->addAction(label, this, [this, token] { setToken(token); });
    }
    if (!history.isEmpty()) {
        menu->addSeparator();
        menu->addAction(tr("Clear History"), this, [this] {
            m_settings->setJwtHistory({});
            m_settings->sync();
            rebuildHistoryMenu();
        });
    }
}

void JwtInspector::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        rebuildHistoryMenu();
        scheduleInspect(); // messages come translated from the core
    }
    QWidget::changeEvent(event);
}

bool JwtInspector::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->decodeSplitter && event->type() == QEvent::Resize)
        fitSplitterToWidth();
    return QWidget::eventFilter(watched, event);
}

// Beside each other the token and the decoded views each get half: in a narrow dock or window
// that leaves the claims too little room, so they go one above the other, the claims getting
// what the token and the key do not need. The panel may always shrink to what stacked needs;
// side by side is used only where both panes fit.
void JwtInspector::fitSplitterToWidth()
{
    QSplitter *splitter = m_ui->decodeSplitter;
    const int left = m_ui->leftPane->minimumSizeHint().width();
    const int right = m_ui->decodedTabs->minimumSizeHint().width();
    splitter->setMinimumWidth(qMax(left, right));
    const int sideBySide = qMax(fontMetrics().averageCharWidth() * sideBySideMinChars,
                                left + right + splitter->handleWidth());
    const Qt::Orientation wanted = splitter->width() < sideBySide ? Qt::Vertical : Qt::Horizontal;
    if (splitter->orientation() == wanted)
        return;
    splitter->setOrientation(wanted);
    // Stacked, height is what is short: a key needs only a few lines to be seen.
    m_ui->keyEdit->setMaximumHeight(fontMetrics().lineSpacing() *
                                    (wanted == Qt::Horizontal ? keyLinesBeside : keyLinesStacked));
    if (wanted == Qt::Horizontal) {
        const int length = splitter->width();
        splitter->setSizes({length / 2, length - length / 2});
    } else {
        const int top = m_ui->leftPane->minimumSizeHint().height();
        splitter->setSizes({top, qMax(top, splitter->height() - top)});
    }
}

void JwtInspector::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() || event->mimeData()->hasText())
        event->acceptProposedAction();
}

void JwtInspector::dropEvent(QDropEvent *event)
{
    const QMimeData *data = event->mimeData();
    if (data->hasUrls() && data->urls().first().isLocalFile()) {
        QString error;
        const QString text = readSmallFile(data->urls().first().toLocalFile(), &error);
        if (error.isEmpty())
            setToken(text);
        else
            m_ui->banner->setText(
                tr("Cannot open the dropped file: %1").arg(error).toHtmlEscaped());
    } else if (data->hasText()) {
        setToken(data->text());
    }
    event->acceptProposedAction();
}

} // namespace Gui
