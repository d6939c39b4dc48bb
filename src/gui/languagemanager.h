// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTranslator>

namespace Gui {

// Installs the translators for one UI language. Installing or removing a
// translator makes Qt send LanguageChange to every widget, which retranslates.
class LanguageManager : public QObject
{
    Q_OBJECT
public:
    explicit LanguageManager(QObject *parent = nullptr);
    ~LanguageManager() override;

    // name is a locale name ("en", "zh_CN") or empty to follow the system locale.
    void setLanguage(const QString &name);
    // The language actually shown: "en" or "zh_CN".
    QString currentLanguage() const { return m_current; }

    // Locale names that have a translation, the source language first.
    static QStringList availableLanguages();

private:
    QTranslator m_appTranslator;
    QTranslator m_qtTranslator;
    QString m_current;
};

} // namespace Gui
