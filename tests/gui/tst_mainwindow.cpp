// SPDX-License-Identifier: GPL-3.0-or-later
// Drives the start screen by object name, switches languages, and saves screenshots of every
// page in English and German to <build>/screenshots/ for people to look at.

#include "aboutdialog.h"
#include "diagnosticspage.h"
#include "doorbutton.h"
#include "exportviewpage.h"
#include "i18n.h"
#include "mainwindow.h"
#include "setupwizard.h"

#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QSet>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTextEdit>
#include <QtTest>

using gjd::MainWindow;

namespace {

const QSize kWindowSize(900, 640);

QString screenshotDir()
{
    return QStringLiteral(GJD_BINARY_DIR "/screenshots");
}

// A screenshot that shows something: not empty, and more than a handful of colours
// (a blank or single-colour grab means the widget did not render).
void verifyRendered(const QImage& image, const QString& what)
{
    QVERIFY2(!image.isNull() && image.width() > 0 && image.height() > 0, qPrintable(what));
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3) {
            colours.insert(image.pixel(x, y));
        }
    }
    QVERIFY2(colours.size() > 16, qPrintable(QStringLiteral("%1 is (almost) one colour").arg(what)));
}

} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void iconsRender_data();
    void iconsRender();
    void translationsAreEmbedded();
    void exportDoorOpensTheViewer();
    void setupDoorOpensTheWizard();
    void everyControlHasAnAccessibleName();
    void checkDoorOpensTheDiagnosticsPane();
    void escapeReturnsToStart();
    void doorsHaveNamesAndDescriptions();
    void aboutShowsVersion();
    void germanTranslationLoads();
    void englishOverrideLoadsNothing();
    void languageMenuSwitchesLive();
    void firstWindowFitsTheScreen();
    void screenshots_data();
    void screenshots();
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("gitlab-jira-doctor-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QSettings().clear();
    QVERIFY(QDir().mkpath(screenshotDir()));
}

void TestMainWindow::cleanup()
{
    gjd::installTranslations(*QCoreApplication::instance(), QStringLiteral("en"));
    QSettings().clear();
}

void TestMainWindow::iconsRender_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("app") << QStringLiteral(":/icons/gitlab-jira-doctor.svg");
    QTest::newRow("setup") << QStringLiteral(":/icons/door-setup.svg");
    QTest::newRow("check") << QStringLiteral(":/icons/door-check.svg");
    QTest::newRow("export") << QStringLiteral(":/icons/door-export.svg");
}

// Fails when the SVG icon engine (qt6-svg) is missing: the doors would show no icons.
void TestMainWindow::iconsRender()
{
    QFETCH(QString, path);
    QVERIFY(QFile::exists(path));
    const QIcon icon(path);
    const QPixmap pixmap = icon.pixmap(QSize(48, 48));
    QVERIFY(!pixmap.isNull());
    verifyRendered(pixmap.toImage(), path);
}

// The .qm files come from gjd_core, a static library: the resource must survive linking.
void TestMainWindow::translationsAreEmbedded()
{
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/gitlab-jira-doctor_de.qm")));
    QCOMPARE(gjd::availableTranslations(), QStringList{QStringLiteral("de")});
}

void TestMainWindow::exportDoorOpensTheViewer()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto* pages = window.findChild<QStackedWidget*>(QStringLiteral("pages"));
    auto* startPage = window.findChild<QWidget*>(QStringLiteral("startPage"));
    auto* doorButton = window.findChild<gjd::DoorButton*>(QStringLiteral("exportDoor"));
    auto* viewer = window.findChild<gjd::ExportViewPage*>(QStringLiteral("exportPage"));
    QVERIFY(pages && startPage && doorButton && viewer);
    QCOMPARE(pages->currentWidget(), startPage);

    QTest::mouseClick(doorButton, Qt::LeftButton);
    QCOMPARE(pages->currentWidget(), viewer);
    QVERIFY(!doorButton->isVisible());
    // Nothing open yet: it says what the page is for, and Open has the focus.
    auto* empty = viewer->findChild<QLabel*>(QStringLiteral("emptyLabel"));
    QVERIFY(empty && empty->isVisible());
    QVERIFY(empty->text().contains(QLatin1String("never unpacked")));
    auto* open = viewer->findChild<QPushButton*>(QStringLiteral("openButton"));
    QVERIFY(open && open->isVisible());
    QVERIFY(open->hasFocus() || !window.isActiveWindow());
    QVERIFY(!viewer->findChild<QPushButton*>(QStringLiteral("compareButton"))->isEnabled());
    QVERIFY(!viewer->findChild<QWidget*>(QStringLiteral("reportView"))->isVisible());

    auto* back = viewer->findChild<QPushButton*>(QStringLiteral("backButton"));
    QVERIFY(back && back->isVisible());
    QTest::mouseClick(back, Qt::LeftButton);
    QCOMPARE(pages->currentWidget(), startPage);
    QVERIFY(doorButton->isVisible());
    QVERIFY(doorButton->hasFocus() || !window.isActiveWindow());
}

void TestMainWindow::setupDoorOpensTheWizard()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* wizard = window.findChild<gjd::SetupWizard*>(QStringLiteral("setupWizard"));
    QVERIFY(wizard);
    QTest::mouseClick(window.findChild<gjd::DoorButton*>(QStringLiteral("setupDoor")), Qt::LeftButton);
    QCOMPARE(window.currentPage(), MainWindow::Page::Setup);
    QVERIFY(wizard->isVisible());
    QCOMPARE(wizard->currentId(), int(gjd::SetupWizard::InstancePage));
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled()); // nothing typed yet
    // Cancel leads back to the start screen; the door opens the wizard again.
    QTest::mouseClick(wizard->button(QWizard::CancelButton), Qt::LeftButton);
    QCOMPARE(window.currentPage(), MainWindow::Page::Start);
    QTest::mouseClick(window.findChild<gjd::DoorButton*>(QStringLiteral("setupDoor")), Qt::LeftButton);
    QVERIFY(wizard->isVisible());
}

// Screen readers announce every control by name: its text, its buddy label or an accessible
// name. Checked over the whole window (start screen, wizard pages, diagnostics pane), in English
// and German.
void TestMainWindow::everyControlHasAnAccessibleName()
{
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("de")}) {
        gjd::installTranslations(*QCoreApplication::instance(), language);
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QStringList unnamed;
        const auto widgets = window.findChildren<QWidget*>();
        for (QWidget* w : widgets) {
            const bool control = qobject_cast<QLineEdit*>(w) || qobject_cast<QComboBox*>(w) ||
                                 qobject_cast<QAbstractSpinBox*>(w) || qobject_cast<QAbstractButton*>(w) ||
                                 qobject_cast<QAbstractItemView*>(w) || qobject_cast<QTextEdit*>(w);
            if (!control || w->objectName().startsWith(QLatin1String("qt_")) || !w->objectName().size())
                continue;
            QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(w);
            const QString name = iface ? iface->text(QAccessible::Name) : QString();
            // A name made of the object name ("Copy redirectUri") is an id, not a name.
            const QString id = w->objectName().endsWith(QLatin1String("Copy")) ? w->objectName().chopped(4)
                                                                               : w->objectName();
            if (name.trimmed().isEmpty() || name.contains(id))
                unnamed.append(w->objectName() + QStringLiteral(" (") +
                               QString::fromLatin1(w->metaObject()->className()) + QLatin1Char(')'));
        }
        QVERIFY2(unnamed.isEmpty(),
                 qPrintable(language + QStringLiteral(": ") + unnamed.join(QStringLiteral(", "))));
    }
}

void TestMainWindow::checkDoorOpensTheDiagnosticsPane()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* pages = window.findChild<QStackedWidget*>(QStringLiteral("pages"));
    auto* pane = window.findChild<gjd::DiagnosticsPage*>(QStringLiteral("checkPage"));
    QVERIFY(pages && pane);
    QTest::mouseClick(window.findChild<gjd::DoorButton*>(QStringLiteral("checkDoor")), Qt::LeftButton);
    QCOMPARE(pages->currentWidget(), pane);
    auto* url = pane->findChild<QLineEdit*>(QStringLiteral("urlEdit"));
    QVERIFY(url && url->isVisible());
    QVERIFY(url->hasFocus() || !window.isActiveWindow());
    QTest::mouseClick(pane->findChild<QPushButton*>(QStringLiteral("backButton")), Qt::LeftButton);
    QCOMPARE(window.currentPage(), MainWindow::Page::Start);
}

void TestMainWindow::escapeReturnsToStart()
{
    MainWindow window;
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.showPage(MainWindow::Page::Check);
    QCOMPARE(window.currentPage(), MainWindow::Page::Check);
    QTest::keyClick(&window, Qt::Key_Escape);
    QTRY_COMPARE(window.currentPage(), MainWindow::Page::Start);
    // ... and back on the door it came through, for keyboard users.
    QTRY_VERIFY(window.findChild<gjd::DoorButton*>(QStringLiteral("checkDoor"))->hasFocus());

    // The title's mnemonic opens the door.
    QTest::keyClick(&window, Qt::Key_O, Qt::AltModifier);
    QTRY_COMPARE(window.currentPage(), MainWindow::Page::Export);
}

void TestMainWindow::doorsHaveNamesAndDescriptions()
{
    MainWindow window;
    for (const char* name : {"setupDoor", "checkDoor", "exportDoor"}) {
        auto* door = window.findChild<gjd::DoorButton*>(QLatin1String(name));
        QVERIFY2(door, name);
        QVERIFY2(door->text().contains(QLatin1Char('&')), "the title needs a mnemonic");
        QVERIFY(!door->shortcut().isEmpty());
        QVERIFY(!door->description().isEmpty());
        QCOMPARE(door->accessibleDescription(), door->description());
        QVERIFY(!door->icon().isNull());
    }
}

void TestMainWindow::aboutShowsVersion()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* about = window.findChild<QAction*>(QStringLiteral("aboutAction"));
    QVERIFY(about);
    about->trigger();
    gjd::AboutDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<gjd::AboutDialog*>(QStringLiteral("AboutDialog"))) != nullptr);
    QTRY_VERIFY(dialog->isVisible());
    auto* version = dialog->findChild<QLabel*>(QStringLiteral("versionLabel"));
    QVERIFY(version);
    QVERIFY(version->text().contains(QLatin1String(GJD_VERSION)));
    dialog->close();
}

void TestMainWindow::germanTranslationLoads()
{
    QVERIFY(gjd::installTranslations(*QCoreApplication::instance(), QStringLiteral("de")));
    MainWindow window;
    auto* door = window.findChild<gjd::DoorButton*>(QStringLiteral("checkDoor"));
    QVERIFY(door);
    QCOMPARE(door->title(), QStringLiteral(u"Eine &Instanz prüfen"));
    auto* open = window.findChild<QWidget*>(QStringLiteral("exportPage"))
                     ->findChild<QPushButton*>(QStringLiteral("openButton"));
    QVERIFY(open);
    QCOMPARE(open->text(), QStringLiteral(u"Ö&ffnen …"));

    // Qt's own catalogue comes along when the distribution ships it (qt6-translations-l10n).
    if (QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_de.qm"))) {
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Close"), QStringLiteral(u"Schließen"));
    }
}

void TestMainWindow::englishOverrideLoadsNothing()
{
    QVERIFY(gjd::installTranslations(*QCoreApplication::instance(), QStringLiteral("de")));
    QVERIFY(!gjd::installTranslations(*QCoreApplication::instance(), QStringLiteral("en")));
    QCOMPARE(QCoreApplication::translate("gjd::MainWindow", "&Check an instance"),
             QStringLiteral("&Check an instance"));
    QVERIFY(!gjd::installTranslations(*QCoreApplication::instance(), QStringLiteral("xx")));
}

// Settings → Language applies at once and is remembered for the next start.
void TestMainWindow::languageMenuSwitchesLive()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* door = window.findChild<gjd::DoorButton*>(QStringLiteral("setupDoor"));
    auto* system = window.findChild<QAction*>(QStringLiteral("systemLanguageAction"));
    auto* german = window.findChild<QAction*>(QStringLiteral("germanAction"));
    auto* english = window.findChild<QAction*>(QStringLiteral("englishAction"));
    QVERIFY(door && system && german && english);
    QVERIFY(system->isChecked());
    const QString englishTitle = door->title();

    german->trigger();
    QVERIFY(german->isChecked());
    QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("de"));
    QTRY_COMPARE(door->title(), QStringLiteral(u"GitLab for Jira Cloud-App ein&richten"));

    english->trigger();
    QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("en"));
    QTRY_COMPARE(door->title(), englishTitle);

    system->trigger();
    QVERIFY(!QSettings().contains(QStringLiteral("ui/language")));
}

void TestMainWindow::firstWindowFitsTheScreen()
{
    // The offscreen platform's screen is 800 pixels wide, as the smallest display the product
    // supports (800x600): the first window (nothing saved) once opened at 900x640, partly
    // off-screen.
    QSettings().clear();
    gjd::MainWindow window;
    const QSize room = window.screen()->availableGeometry().size();
    QVERIFY2(window.width() <= room.width() && window.height() <= room.height(),
             qPrintable(QStringLiteral("%1x%2 on %3x%4")
                            .arg(window.width())
                            .arg(window.height())
                            .arg(room.width())
                            .arg(room.height())));
}

void TestMainWindow::screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("de") << QStringLiteral("de");
}

void TestMainWindow::screenshots()
{
    QFETCH(QString, language);
    QCOMPARE(gjd::installTranslations(*QCoreApplication::instance(), language),
             language != QLatin1String("en"));

    MainWindow window;
    window.resize(kWindowSize);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    const std::pair<MainWindow::Page, const char*> pages[] = {
        {MainWindow::Page::Start, "start"},
        {MainWindow::Page::Setup, "setup"},
        {MainWindow::Page::Check, "check"},
        {MainWindow::Page::Export, "export"},
    };
    for (const auto& [page, name] : pages) {
        window.showPage(page);
        QCoreApplication::processEvents();
        const QImage image = window.grab().toImage();
        const QString file =
            QStringLiteral("%1/%2-%3.png").arg(screenshotDir(), language, QLatin1String(name));
        QVERIFY2(image.save(file), qPrintable(file));
        QVERIFY(QFileInfo(file).size() > 0);
        verifyRendered(image, file);
    }

    // Keyboard focus shows a focus ring on the door (and only then).
    window.showPage(MainWindow::Page::Start);
    window.activateWindow();
    if (QTest::qWaitForWindowActive(&window)) {
        auto* setupDoor = window.findChild<gjd::DoorButton*>(QStringLiteral("setupDoor"));
        setupDoor->setFocus(Qt::OtherFocusReason);
        QTest::keyClick(setupDoor, Qt::Key_Tab);
        QTRY_VERIFY(window.findChild<gjd::DoorButton*>(QStringLiteral("checkDoor"))->hasFocus());
        const QImage focused = window.grab().toImage();
        QVERIFY(
            focused.save(QStringLiteral("%1/%2-start-keyboard-focus.png").arg(screenshotDir(), language)));
    }

    // At the smallest window size every door still gets the height its text needs (the page
    // scrolls instead).
    window.showPage(MainWindow::Page::Start);
    window.resize(window.minimumSize());
    QCoreApplication::processEvents();
    const QImage small = window.grab().toImage();
    QVERIFY(small.save(QStringLiteral("%1/%2-start-minimum.png").arg(screenshotDir(), language)));
    for (const char* name : {"setupDoor", "checkDoor", "exportDoor"}) {
        auto* door = window.findChild<gjd::DoorButton*>(QLatin1String(name));
        QVERIFY(door->height() >= door->heightForWidth(door->width()));
    }

    gjd::AboutDialog about(&window);
    about.show();
    QVERIFY(QTest::qWaitForWindowExposed(&about));
    const QImage aboutImage = about.grab().toImage();
    QVERIFY(aboutImage.save(QStringLiteral("%1/%2-about.png").arg(screenshotDir(), language)));
    verifyRendered(aboutImage, QStringLiteral("about"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
