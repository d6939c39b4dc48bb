// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/profile.h"

#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestProfile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void customProfileKeepsEverythingUnderItsRoot()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString root = tmp.filePath(u"nested/profile"_s);
        const auto profile = Common::Profile::at(root);
        QVERIFY(profile.isCustom());
        QVERIFY(QDir(root).exists()); // created on demand
        QCOMPARE(profile.root(), QDir(root).absolutePath());
        QVERIFY(profile.settingsFile().startsWith(profile.root() + u'/'));
        QVERIFY(profile.dataDir().startsWith(profile.root() + u'/'));
        QVERIFY(profile.settingsFile().endsWith(u"tidings.ini"_s));
    }

    void relativeDirectoryBecomesAbsolute()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString old = QDir::currentPath();
        QDir::setCurrent(tmp.path());
        const auto profile = Common::Profile::at(u"rel"_s);
        QDir::setCurrent(old);
        QVERIFY(QDir::isAbsolutePath(profile.root()));
        QCOMPARE(profile.root(), QDir(tmp.path()).absoluteFilePath(u"rel"_s));
    }

    void standardProfileUsesPlatformLocations()
    {
        QStandardPaths::setTestModeEnabled(true);
        const auto profile = Common::Profile::standard();
        QVERIFY(!profile.isCustom());
        QVERIFY(profile.settingsFile().startsWith(
            QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)));
        QCOMPARE(profile.dataDir(),
                 QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    }
};

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"
