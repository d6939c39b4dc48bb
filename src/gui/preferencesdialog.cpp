// SPDX-License-Identifier: GPL-3.0-or-later
#include "preferencesdialog.h"

#include "client/settingsstore.h"
#include "languagemanager.h"
#include "ui_preferencesdialog.h"

using namespace Qt::StringLiterals;

namespace Gui {

PreferencesDialog::PreferencesDialog(Client::SettingsStore &settings, LanguageManager &languages,
                                     QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::PreferencesDialog>())
    , m_settings(settings)
    , m_languages(languages)
{
    m_ui->setupUi(this);
    fillChoices();
    load();
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);
}

PreferencesDialog::~PreferencesDialog() = default;

void PreferencesDialog::fillChoices()
{
    // Each language is named in itself, so a user can find theirs whatever is shown now.
    const int language = m_ui->languageCombo->currentIndex();
    m_ui->languageCombo->clear();
    m_ui->languageCombo->addItem(tr("System default"), QString());
    m_ui->languageCombo->addItem(u"English"_s, u"en"_s);
    m_ui->languageCombo->addItem(u"简体中文"_s, u"zh_CN"_s);
    m_ui->languageCombo->setCurrentIndex(qMax(language, 0));
}

void PreferencesDialog::load()
{
    const int language = m_ui->languageCombo->findData(m_settings.language());
    m_ui->languageCombo->setCurrentIndex(language >= 0 ? language : 0);
    m_ui->markReadCheck->setChecked(m_settings.markReadAtOnce());
    m_ui->notifyCheck->setChecked(m_settings.notifyNewMail());
    m_ui->trayCheck->setChecked(m_settings.showTrayIcon());
    m_ui->inspectorDockedCheck->setChecked(m_settings.inspectorDocked());
    m_ui->undoSendSpin->setValue(m_settings.undoSendSeconds());
    m_ui->attachmentWarningSpin->setValue(m_settings.attachmentWarningMb());
}

void PreferencesDialog::showPage(int page)
{
    m_ui->tabs->setCurrentIndex(page >= 0 && page < m_ui->tabs->count() ? page : 0);
}

void PreferencesDialog::accept()
{
    const QString language = m_ui->languageCombo->currentData().toString();
    if (language != m_settings.language()) {
        m_settings.setLanguage(language);
        m_languages.setLanguage(language);
    }
    m_settings.setMarkReadAtOnce(m_ui->markReadCheck->isChecked());
    m_settings.setNotifyNewMail(m_ui->notifyCheck->isChecked());
    m_settings.setShowTrayIcon(m_ui->trayCheck->isChecked());
    m_settings.setInspectorDocked(m_ui->inspectorDockedCheck->isChecked());
    m_settings.setUndoSendSeconds(m_ui->undoSendSpin->value());
    m_settings.setAttachmentWarningMb(m_ui->attachmentWarningSpin->value());
    m_settings.sync();
    QDialog::accept();
}

void PreferencesDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        fillChoices();
    }
    QDialog::changeEvent(event);
}

} // namespace Gui
