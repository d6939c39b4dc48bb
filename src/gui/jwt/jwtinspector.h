// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/jwt/inspector.h"

#include <QFutureWatcher>
#include <QThreadPool>
#include <QTimer>
#include <QWidget>

#include <memory>

namespace Ui {
class JwtInspector;
}
namespace Client {
class SettingsStore;
}

namespace Gui {

class TokenHighlighter;

// Decodes, explains and verifies a JWT, and makes signed ones. All work is in
// tidings_core; decoding runs on a worker thread so a huge token never
// freezes the window. Nothing is sent over the network.
class JwtInspector : public QWidget
{
    Q_OBJECT
public:
    explicit JwtInspector(Client::SettingsStore *settings, QWidget *parent = nullptr);
    ~JwtInspector() override;

    void setToken(const QString &token);
    void setKey(const QString &key, bool base64 = false);
    // Pins "now" (for tests and screenshots); empty follows the clock.
    void setNow(std::optional<qint64> now);
    // No decode waiting or running: what is shown matches the input.
    bool isIdle() const;

Q_SIGNALS:
    // Emitted after each decode has been shown (tests wait for it).
    void inspected();

protected:
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void scheduleInspect();
    void startInspect();
    void showReport(const Jwt::Report &report);
    void showBanner(const Jwt::Report &report);
    void showIssues(const Jwt::Report &report);
    void showClaims(const Jwt::Report &report);
    void refreshTimes();
    void showClaimDetails(int row);
    void fitSplitterToWidth();
    void showKeyStatus();
    void openTokenFile();
    void openKeyFile(bool forSigning);
    void sign();
    void fillAlgorithms();
    void rememberInHistory(const QString &token);
    void rebuildHistoryMenu();
    qint64 currentTime() const;

    std::unique_ptr<Ui::JwtInspector> m_ui;
    Client::SettingsStore *m_settings;
    TokenHighlighter *m_tokenHighlighter;
    QThreadPool m_pool; // our own: Qt's global pool also serves painting
    QFutureWatcher<Jwt::Report> m_watcher;
    std::unique_ptr<Jwt::Report> m_report;
    QTimer m_debounce;
    QTimer m_clock;
    quint64 m_generation = 0;
    quint64 m_shownGeneration = 0;
    bool m_pending = false;
    std::optional<qint64> m_now;
    QString m_inspectedText; // the token text of the newest decode
};

} // namespace Gui
