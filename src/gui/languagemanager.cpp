// SPDX-License-Identifier: GPL-3.0-or-later
#include "languagemanager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Gui {

LanguageManager::LanguageManager(QObject *parent)
    : QObject(parent)
    , m_current(u"en"_s)
{
}

LanguageManager::~LanguageManager()
{
    QCoreApplication::removeTranslator(&m_appTranslator);
    QCoreApplication::removeTranslator(&m_qtTranslator);
}

QStringList LanguageManager::availableLanguages()
{
    return {u"en"_s, u"zh_CN"_s};
}

void LanguageManager::setLanguage(const QString &name)
{
    const QLocale locale = name.isEmpty() ? QLocale::system() : QLocale(name);
    QCoreApplication::removeTranslator(&m_appTranslator);
    QCoreApplication::removeTranslator(&m_qtTranslator);
    QLocale::setDefault(locale);
    m_current = u"en"_s;

    // The .qm is compiled in; QTranslator::load walks the locale's UI languages
    // (zh_Hans_CN, zh_CN, zh ...) so any Simplified Chinese locale finds it.
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return;
    if (m_appTranslator.load(locale, u"tidings"_s, u"_"_s, u":/i18n"_s)) {
        QCoreApplication::installTranslator(&m_appTranslator);
        m_current = locale.name();
        // Qt's own strings (standard buttons, context menus) come from Debian's
        // qt6-translations-l10n.
        if (m_qtTranslator.load(locale, u"qtbase"_s, u"_"_s,
                                QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&m_qtTranslator);
    }
}

} // namespace Gui
