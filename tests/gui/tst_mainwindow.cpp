// SPDX-License-Identifier: GPL-3.0-or-later
// Drives the start screen and the menus by object name, switches languages, and saves screenshots
// of every page at 800x600 in English and German with a light palette and with a dark one to
// <build>/screenshots/ for people to look at (a few of them are docs/screenshots/).

#include "aboutdialog.h"
#include "diagnosticspage.h"
#include "doorbutton.h"
#include "exportdialog.h"
#include "exportviewpage.h"
#include "i18n.h"
#include "mainwindow.h"
#include "pageloader.h"
#include "pages.h"
#include "screenshots.h"
#include "setupwizard.h"
#include "uisettings.h"
#include "uistyle.h"

#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QScopeGuard>
#include <QScreen>
#include <QSet>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTextEdit>
#include <QtTest>

using gjd::MainWindow;

namespace {

// The smallest display the product supports.
const QSize kWindowSize(800, 600);

// A dark theme with KDE Breeze Dark's colours, for the dark screenshots.
QPalette darkPalette()
{
    const QColor window(0x2a, 0x2e, 0x32);
    const QColor base(0x1b, 0x1e, 0x20);
    const QColor text(0xfc, 0xfc, 0xfc);
    const QColor button(0x31, 0x36, 0x3b);
    const QColor highlight(0x3d, 0xae, 0xe9);
    QPalette palette(button, window);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, QColor(0x23, 0x26, 0x29));
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, button);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::ToolTipBase, window);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, QColor(0xa1, 0xa9, 0xb1));
    palette.setColor(QPalette::Highlight, highlight);
    palette.setColor(QPalette::HighlightedText, text);
    palette.setColor(QPalette::Link, QColor(0x1d, 0x99, 0xf3));
    palette.setColor(QPalette::LinkVisited, QColor(0x9b, 0x59, 0xb6));
    const QColor disabled(0x6e, 0x71, 0x75);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, disabled);
    return palette;
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

public slots:
    // QDesktopServices' handler for https URLs during the tests: nothing is opened, only noted.
    void openUrl(const QUrl& url) { m_openedUrls.append(url); }

private slots:
    void wizardHandsResultsToThePane();
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
    void pagesAreBuiltWhenFirstShown();
    void openExportBuildsTheViewer();
    void openExportActionAsksForAFile();
    void recentInstancesFollowTheSettings();
    void exportActionFollowsTheDiagnostics();
    void documentationOpensTheHomePage();
    void menuIconsAreLookedUpWhenAMenuOpens();
    void screenshots_data();
    void screenshots();

private:
    QList<QUrl> m_openedUrls;
    QPalette m_lightPalette; // the application's palette at start
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    gjd::installReadablePlaceholders(); // as the program does (src/app/main.cpp)
    QCoreApplication::setOrganizationName(QStringLiteral("gitlab-jira-doctor-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    // The pages are linked in here; the program loads them as a module (tests/gui/tst_program.cpp checks it).
    gjd::setPageHostFactory(&gjd::createPageHost);
    QSettings().clear();
    QVERIFY(QDir().mkpath(gjd::test::screenshotDir()));
    m_lightPalette = QApplication::palette();
}

void TestMainWindow::cleanup()
{
    gjd::installTranslations(*QCoreApplication::instance(), QStringLiteral("en"));
    QApplication::setPalette(m_lightPalette);
    QSettings().clear();
}

void TestMainWindow::iconsRender_data()
{
    // The start screen's icons, rendered from their SVGs by the build (src/gui/tools/rendericon.cpp):
    // each size the start screen, the About dialog and window managers use, 1x and 2x.
    QTest::addColumn<QString>("name");
    QTest::addColumn<QList<int>>("sizes");
    QTest::newRow("app") << QStringLiteral("gitlab-jira-doctor") << QList<int>{32, 64, 72, 144};
    QTest::newRow("setup") << QStringLiteral("door-setup") << QList<int>{48, 96};
    QTest::newRow("check") << QStringLiteral("door-check") << QList<int>{48, 96};
    QTest::newRow("export") << QStringLiteral("door-export") << QList<int>{48, 96};
}

void TestMainWindow::iconsRender()
{
    QFETCH(QString, name);
    QFETCH(QList<int>, sizes);
    const QIcon icon = gjd::startScreenIcon(name);
    QVERIFY2(!icon.isNull(), qPrintable(name));
    QList<int> available;
    for (const QSize& size : icon.availableSizes()) {
        QCOMPARE(size.width(), size.height());
        available.append(size.width());
    }
    std::sort(available.begin(), available.end());
    QCOMPARE(available, sizes);

    // Each size is the SVG's own picture at that size (a stale or garbled file would differ), and
    // asked for at 2x, the icon gives the 2x pixels, not scaled 1x ones.
    QSvgRenderer svg(QStringLiteral(GJD_SOURCE_DIR "/resources/icons/%1.svg").arg(name));
    QVERIFY(svg.isValid());
    const auto rendered = [&svg](int size) {
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        svg.render(&painter);
        painter.end();
        return image;
    };
    for (int size : sizes) {
        QImage shown = icon.pixmap(QSize(size, size), 1.0)
                           .toImage()
                           .convertToFormat(QImage::Format_ARGB32_Premultiplied);
        QCOMPARE(shown.size(), QSize(size, size));
        verifyRendered(shown, QStringLiteral("%1 at %2").arg(name).arg(size));
        QCOMPARE(shown, rendered(size));
        if (sizes.contains(size * 2)) {
            QImage sharp = icon.pixmap(QSize(size, size), 2.0)
                               .toImage()
                               .convertToFormat(QImage::Format_ARGB32_Premultiplied);
            sharp.setDevicePixelRatio(1.0);
            QCOMPARE(sharp, rendered(size * 2));
        }
    }
}

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
    QVERIFY(pages && startPage && doorButton);
    QCOMPARE(pages->currentWidget(), startPage);

    QTest::mouseClick(doorButton, Qt::LeftButton);
    auto* viewer = window.findChild<gjd::ExportViewPage*>(QStringLiteral("exportPage"));
    QVERIFY(viewer);
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
    QTest::mouseClick(window.findChild<gjd::DoorButton*>(QStringLiteral("setupDoor")), Qt::LeftButton);
    auto* wizard = window.findChild<gjd::SetupWizard*>(QStringLiteral("setupWizard"));
    QVERIFY(wizard);
    QVERIFY(window.findChild<QWidget*>(QStringLiteral("setupPage"))->isAncestorOf(wizard));
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
// name. Checked over the whole window (start screen, wizard pages, diagnostics pane, export viewer,
// fleet page), in English and German.
void TestMainWindow::everyControlHasAnAccessibleName()
{
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("de")}) {
        gjd::installTranslations(*QCoreApplication::instance(), language);
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Every page is built when first shown.
        for (MainWindow::Page page : {MainWindow::Page::Setup, MainWindow::Page::Check,
                                      MainWindow::Page::Export, MainWindow::Page::Fleet})
            window.showPage(page);
        window.showPage(MainWindow::Page::Start);
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
    QVERIFY(pages);
    QTest::mouseClick(window.findChild<gjd::DoorButton*>(QStringLiteral("checkDoor")), Qt::LeftButton);
    auto* pane = window.findChild<gjd::DiagnosticsPage*>(QStringLiteral("checkPage"));
    QVERIFY(pane);
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
    window.showPage(MainWindow::Page::Export);
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

// Only the start screen is built with the window (a faster cold start); every other page when it
// is first shown, once.
void TestMainWindow::pagesAreBuiltWhenFirstShown()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* pages = window.findChild<QStackedWidget*>(QStringLiteral("pages"));
    QVERIFY(pages);
    QCOMPARE(pages->count(), 1);
    QVERIFY(!window.findChild<gjd::SetupWizard*>());
    QVERIFY(!window.findChild<gjd::DiagnosticsPage*>());
    QVERIFY(!window.findChild<gjd::ExportViewPage*>());

    const std::pair<MainWindow::Page, const char*> built[] = {
        {MainWindow::Page::Check, "checkPage"},
        {MainWindow::Page::Export, "exportPage"},
        {MainWindow::Page::Setup, "setupPage"},
        {MainWindow::Page::Fleet, "fleetPage"},
    };
    int count = 1;
    for (const auto& [page, name] : built) {
        window.showPage(page);
        QCOMPARE(pages->count(), ++count);
        auto* widget = window.findChild<QWidget*>(QLatin1String(name));
        QVERIFY2(widget, name);
        QCOMPARE(pages->currentWidget(), widget);
        QCOMPARE(window.currentPage(), page);
        window.showPage(MainWindow::Page::Start);
        QCOMPARE(window.currentPage(), MainWindow::Page::Start);
        window.showPage(page); // the same page again, not a second one
        QCOMPARE(pages->count(), count);
        QCOMPARE(pages->currentWidget(), widget);
    }
    QVERIFY(window.findChild<gjd::SetupWizard*>(QStringLiteral("setupWizard")));
}

// gitlab-jira-doctor FILE.zip: the viewer is built for it and says why the file cannot be read.
void TestMainWindow::openExportBuildsTheViewer()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QString missing =
        QDir(QStringLiteral(GJD_BINARY_DIR)).filePath(QStringLiteral("no-such-export.zip"));
    window.openExport(missing);
    QCOMPARE(window.currentPage(), MainWindow::Page::Export);
    auto* viewer = window.findChild<gjd::ExportViewPage*>(QStringLiteral("exportPage"));
    QVERIFY(viewer);
    QSignalSpy loaded(viewer, &gjd::ExportViewPage::loaded);
    QVERIFY(!loaded.isEmpty() || loaded.wait(20000));
    QCOMPARE(loaded.first().first().toBool(), false);
    auto* error = viewer->findChild<QLabel*>(QStringLiteral("errorLabel"));
    QVERIFY(error);
    QTRY_VERIFY(error->isVisible());
}

// File → Open export… (Ctrl+O): the viewer, and a file dialog for the export.
void TestMainWindow::openExportActionAsksForAFile()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* open = window.findChild<QAction*>(QStringLiteral("openExportAction"));
    QVERIFY(open);
    QCOMPARE(open->shortcut(), QKeySequence(QKeySequence::Open));
    QVERIFY(window.findChild<QMenu*>(QStringLiteral("fileMenu"))->actions().contains(open));
    open->trigger();
    QCOMPARE(window.currentPage(), MainWindow::Page::Export);
    QFileDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<QFileDialog*>()) != nullptr && dialog->isVisible());
    QCOMPARE(dialog->acceptMode(), QFileDialog::AcceptOpen);
    dialog->reject();
}

// The start screen's list and File → Recent instances show what the settings hold, also what was
// added while another page was shown (the wizard adds the instance it set up).
void TestMainWindow::recentInstancesFollowTheSettings()
{
    gjd::uisettings::addRecentInstance(QStringLiteral("https://gitlab.example.com"));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* list = window.findChild<QListWidget*>(QStringLiteral("recentList"));
    auto* menu = window.findChild<QMenu*>(QStringLiteral("recentMenu"));
    QVERIFY(list && menu);
    QCOMPARE(list->count(), 1);
    QCOMPARE(menu->actions().size(), 1);
    QVERIFY(menu->isEnabled());

    window.showPage(MainWindow::Page::Setup);
    gjd::uisettings::addRecentInstance(QStringLiteral("https://git.example.org/a&b"));
    window.showPage(MainWindow::Page::Start);
    QCOMPARE(list->count(), 2);
    QCOMPARE(list->item(0)->text(), QStringLiteral("https://git.example.org/a&b"));
    const QList<QAction*> actions = menu->actions();
    QCOMPARE(actions.size(), 2);
    QCOMPARE(actions.first()->data().toString(), QStringLiteral("https://git.example.org/a&b"));
    QCOMPARE(actions.first()->text(), QStringLiteral("https://git.example.org/a&&b")); // no mnemonic
    QCOMPARE(actions.last()->data().toString(), QStringLiteral("https://gitlab.example.com"));

    // Choosing one in the list fills in the diagnostics pane's URL.
    list->setCurrentRow(1);
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(window.currentPage(), MainWindow::Page::Check);
    QCOMPARE(window.findChild<QWidget*>(QStringLiteral("checkPage"))
                 ->findChild<QLineEdit*>(QStringLiteral("urlEdit"))
                 ->text(),
             QStringLiteral("https://gitlab.example.com"));

    QSettings().remove(QStringLiteral("recent/instances"));
    window.showPage(MainWindow::Page::Start);
    QVERIFY(!menu->isEnabled());
    QVERIFY(list->isHidden());
}

// File → Export… needs a finished check; it opens the diagnostics pane's export dialog. Checked
// against a closed local port: the run ends at once, with a report to export.
void TestMainWindow::exportActionFollowsTheDiagnostics()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* exportAction = window.findChild<QAction*>(QStringLiteral("exportAction"));
    QVERIFY(exportAction);
    QVERIFY(!exportAction->isEnabled());
    window.showPage(MainWindow::Page::Check);
    QVERIFY(!exportAction->isEnabled()); // the pane is there, but nothing was checked

    // A port that nothing listens on.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    auto* pane = window.findChild<gjd::DiagnosticsPage*>(QStringLiteral("checkPage"));
    QSignalSpy running(pane, &gjd::DiagnosticsPage::runningChanged);
    window.checkInstance(QStringLiteral("https://127.0.0.1:%1").arg(port));
    QVERIFY(pane->isRunning());
    QVERIFY(!exportAction->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!pane->isRunning(), 60000);
    QVERIFY(!pane->report().checks.isEmpty());
    QVERIFY(exportAction->isEnabled());

    window.showPage(MainWindow::Page::Start);
    exportAction->trigger();
    QCOMPARE(window.currentPage(), MainWindow::Page::Check);
    gjd::ExportDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = pane->findChild<gjd::ExportDialog*>()) != nullptr);
    QSignalSpy ready(dialog, &gjd::ExportDialog::ready);
    QVERIFY(!dialog->isBusy() || ready.wait(20000));

    // Saved: the dialog stays open, says where the file went, and Cancel became Close.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("export.zip"));
    QSignalSpy saved(dialog, &gjd::ExportDialog::saved);
    dialog->saveTo(path);
    QVERIFY(saved.wait(20000));
    QVERIFY(QFileInfo(path).size() > 0);
    QVERIFY(dialog->isVisible());
    auto* summary = dialog->findChild<QLabel*>(QStringLiteral("summaryLabel"));
    QVERIFY(summary && summary->text().contains(QDir::toNativeSeparators(path)));
    auto* buttons = dialog->findChild<QDialogButtonBox*>();
    QVERIFY(buttons && !buttons->button(QDialogButtonBox::Cancel));
    auto* close = dialog->findChild<QPushButton*>(QStringLiteral("closeButton"));
    QVERIFY(close && close->isVisible() && close->isDefault());
    QSignalSpy accepted(dialog, &QDialog::accepted);
    QTest::mouseClick(close, Qt::LeftButton);
    QCOMPARE(accepted.size(), 1);
}

// Help → Documentation opens the project's home page (the one the About dialog names).
void TestMainWindow::documentationOpensTheHomePage()
{
    QDesktopServices::setUrlHandler(QStringLiteral("https"), this, "openUrl");
    m_openedUrls.clear();
    MainWindow window;
    auto* documentation = window.findChild<QAction*>(QStringLiteral("documentationAction"));
    QVERIFY(documentation);
    QVERIFY(window.findChild<QMenu*>(QStringLiteral("helpMenu"))->actions().contains(documentation));
    documentation->trigger();
    QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
    QCOMPARE(m_openedUrls.size(), 1);
    const QUrl url = m_openedUrls.first();
    QVERIFY(url.isValid());
    gjd::AboutDialog about;
    QVERIFY2(about.findChild<QLabel*>(QStringLiteral("detailsLabel"))->text().contains(url.toString()),
             qPrintable(url.toString()));
}

// The menu actions' theme icons are looked up when a menu first opens, not while the window is
// built (the icon theme's index files cost a fifth of the cold start under X11). A small icon
// theme of the test's own tells "not looked up yet" from "the theme has no such icon".
void TestMainWindow::menuIconsAreLookedUpWhenAMenuOpens()
{
    QTemporaryDir themes;
    QVERIFY(themes.isValid());
    const QString theme = themes.filePath(QStringLiteral("gjdtest"));
    QVERIFY(QDir().mkpath(theme + QStringLiteral("/16x16/actions")));
    QFile index(theme + QStringLiteral("/index.theme"));
    QVERIFY(index.open(QIODevice::WriteOnly));
    index.write(
        "[Icon Theme]\nName=gjdtest\nDirectories=16x16/actions\n\n[16x16/actions]\nSize=16\nType=Fixed\n");
    index.close();
    const QStringList names = {QStringLiteral("document-open"), QStringLiteral("document-save-as"),
                               QStringLiteral("application-exit"), QStringLiteral("help-contents"),
                               QStringLiteral("help-about")};
    for (const QString& name : names) {
        QImage pixel(16, 16, QImage::Format_ARGB32);
        pixel.fill(Qt::red);
        QVERIFY(pixel.save(QStringLiteral("%1/16x16/actions/%2.png").arg(theme, name)));
    }
    const QStringList oldPaths = QIcon::themeSearchPaths();
    const QString oldTheme = QIcon::themeName();
    QIcon::setThemeSearchPaths({themes.path()});
    QIcon::setThemeName(QStringLiteral("gjdtest"));
    const auto restore = qScopeGuard([&] {
        QIcon::setThemeSearchPaths(oldPaths);
        QIcon::setThemeName(oldTheme);
    });
    QVERIFY(!QIcon::fromTheme(QStringLiteral("help-about")).isNull()); // the theme works

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QStringList actions = {QStringLiteral("openExportAction"), QStringLiteral("exportAction"),
                                 QStringLiteral("quitAction"), QStringLiteral("documentationAction"),
                                 QStringLiteral("aboutAction")};
    for (const QString& name : actions)
        QVERIFY2(window.findChild<QAction*>(name)->icon().isNull(), qPrintable(name));
    auto* help = window.findChild<QMenu*>(QStringLiteral("helpMenu"));
    help->popup(window.mapToGlobal(QPoint(10, 10)));
    QTRY_VERIFY(help->isVisible());
    help->close();
    for (const QString& name : actions)
        QVERIFY2(!window.findChild<QAction*>(name)->icon().isNull(), qPrintable(name));
}

void TestMainWindow::screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<bool>("dark");
    // File names: <row>-<page>.png
    QTest::newRow("en") << QStringLiteral("en") << false;
    QTest::newRow("de") << QStringLiteral("de") << false;
    QTest::newRow("de-dark") << QStringLiteral("de") << true;
    QTest::newRow("en-dark") << QStringLiteral("en") << true; // for the AppStream metainfo
}

void TestMainWindow::screenshots()
{
    QFETCH(QString, language);
    QFETCH(bool, dark);
    const QString prefix = QString::fromLatin1(QTest::currentDataTag());
    QCOMPARE(gjd::installTranslations(*QCoreApplication::instance(), language),
             language != QLatin1String("en"));
    if (dark)
        QApplication::setPalette(darkPalette());

    MainWindow window;
    window.resize(kWindowSize);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.size(), kWindowSize);
    const QColor windowColour = window.palette().color(QPalette::Window);
    QCOMPARE(windowColour, (dark ? darkPalette() : QApplication::palette()).color(QPalette::Window));

    const std::pair<MainWindow::Page, const char*> pages[] = {
        {MainWindow::Page::Start, "start"}, {MainWindow::Page::Setup, "setup"},
        {MainWindow::Page::Check, "check"}, {MainWindow::Page::Export, "export"},
        {MainWindow::Page::Fleet, "fleet"},
    };
    for (const auto& [page, name] : pages) {
        window.showPage(page);
        QCoreApplication::processEvents();
        const QImage image = window.grab().toImage();
        const QString file =
            QStringLiteral("%1/%2-%3.png").arg(gjd::test::screenshotDir(), prefix, QLatin1String(name));
        QVERIFY2(image.save(file), qPrintable(file));
        QVERIFY(QFileInfo(file).size() > 0);
        verifyRendered(image, file);
        QCOMPARE(image.size(), kWindowSize * image.devicePixelRatio());
        // The page is drawn in the palette's colours (a light page in a dark theme is a bug).
        QCOMPARE(image.pixelColor(image.width() / 2, image.height() - 2).lightness() < 128, dark);
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
        QVERIFY(focused.save(
            QStringLiteral("%1/%2-start-keyboard-focus.png").arg(gjd::test::screenshotDir(), prefix)));
    }

    // At the smallest window size every door still gets the height its text needs (the page
    // scrolls instead).
    window.showPage(MainWindow::Page::Start);
    window.resize(window.minimumSize());
    QCoreApplication::processEvents();
    const QImage small = window.grab().toImage();
    QVERIFY(small.save(QStringLiteral("%1/%2-start-minimum.png").arg(gjd::test::screenshotDir(), prefix)));
    for (const char* name : {"setupDoor", "checkDoor", "exportDoor"}) {
        auto* door = window.findChild<gjd::DoorButton*>(QLatin1String(name));
        QVERIFY(door->height() >= door->heightForWidth(door->width()));
    }

    gjd::AboutDialog about(&window);
    about.show();
    QVERIFY(QTest::qWaitForWindowExposed(&about));
    const QImage aboutImage = about.grab().toImage();
    QVERIFY(aboutImage.save(QStringLiteral("%1/%2-about.png").arg(gjd::test::screenshotDir(), prefix)));
    verifyRendered(aboutImage, QStringLiteral("about"));
}

// "Open in the diagnostics pane" in the wizard: the pane shows the wizard's results as a finished
// run, with the token in its field (memory only), not a tree of waiting checks.
void TestMainWindow::wizardHandsResultsToThePane()
{
    gjd::MainWindow window;
    window.show();
    window.showPage(gjd::MainWindow::Page::Setup);
    auto* wizard = window.findChild<gjd::SetupWizard*>(QStringLiteral("setupWizard"));
    QVERIFY(wizard);
    gjd::ConnectionInput input;
    input.url = QStringLiteral("https://gitlab.example.com");
    gjd::Report report;
    report.url = input.url;
    gjd::Finding chain;
    chain.id = QStringLiteral("tls.chain.complete");
    chain.category = QStringLiteral("tls");
    chain.status = gjd::Status::Fail;
    chain.summary = QStringLiteral("The chain is incomplete.");
    report.checks.append(chain);
    gjd::Credentials credentials;
    credentials.gitlabToken = "glpat-PLANTED-handover-0001";
    QList<gjd::CheckRunner::ProbeTiming> timings;
    timings.append({QStringLiteral("tls"), 0, 25, true});
    emit wizard->openResults(input, report, credentials, timings);
    QCOMPARE(window.currentPage(), gjd::MainWindow::Page::Check);
    auto* pane = window.findChild<gjd::DiagnosticsPage*>();
    QVERIFY(pane);
    QCOMPARE(pane->report().checks.size(), 1);
    QCOMPARE(pane->findChild<QLineEdit*>(QStringLiteral("urlEdit"))->text(), input.url);
    QCOMPARE(pane->findChild<QLineEdit*>(QStringLiteral("tokenEdit"))->text(),
             QStringLiteral("glpat-PLANTED-handover-0001"));
    QVERIFY(pane->findChild<QPushButton*>(QStringLiteral("exportButton"))->isEnabled());
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    if (file.open(QIODevice::ReadOnly))
        QVERIFY(!file.readAll().contains("glpat-PLANTED-handover-0001"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
