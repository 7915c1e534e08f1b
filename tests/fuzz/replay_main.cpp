// SPDX-License-Identifier: GPL-3.0-or-later
// Runs a fuzz target over a corpus without libFuzzer, so that every test build (GCC, ASan/UBSan)
// exercises the target with the seeds and with damaged copies of them (one program per target:
// fuzz_NAME_replay, tests/fuzz/CMakeLists.txt):
//
//   fuzz_NAME_replay [--flips N] DIR|FILE…
//     each file as it is
//     truncated at a few lengths (a download or a connection that stopped, a ZIP without its
//     central directory)
//     with one byte changed, at N positions (default 300) a fixed-seed PRNG picks, half of them
//     in the last bytes, where a ZIP keeps its central directory and end record; a target
//     whose runs are slow (certificates) takes fewer, to keep the test at a few seconds
//
// The same runs every time: a failure is reproducible, and the input that failed is written to
// fuzz_NAME_replay-failure.bin in the working directory (feed it to the libFuzzer binary as well).

#include <QByteArray>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <algorithm>
#include <csignal>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <random>

#include <fcntl.h>
#include <unistd.h>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GJD_REPLAY_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define GJD_REPLAY_ASAN 1
#endif
#ifdef GJD_REPLAY_ASAN
#include <sanitizer/common_interface_defs.h>
#endif

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv);
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

int g_flipsPerFile = 300;
constexpr qsizetype kTailBytes = 512;

// What is running, for the failure report; written before each run and read only when the
// process dies, from a signal handler or the sanitizer's death callback.
const QByteArray* g_input = nullptr;
char g_what[512];
// The program's name and its failure file, made before the first run.
char g_program[128] = "fuzz_replay";
char g_failureFile[160] = "fuzz_replay-failure.bin";

void writeAll(int fd, const char* data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n <= 0)
            return;
        data += n;
        size -= size_t(n);
    }
}

void writeString(int fd, const char* text)
{
    size_t size = 0;
    while (text[size])
        ++size;
    writeAll(fd, text, size);
}

// Async-signal-safe: only write(2) and open(2).
void reportFailure()
{
    static volatile sig_atomic_t reported = 0;
    if (reported || !g_input)
        return;
    reported = 1;
    writeString(STDERR_FILENO, "\n");
    writeString(STDERR_FILENO, g_program);
    writeString(STDERR_FILENO, ": failed on ");
    writeString(STDERR_FILENO, g_what);
    const int fd = ::open(g_failureFile, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
        writeAll(fd, g_input->constData(), size_t(g_input->size()));
        ::close(fd);
        writeString(STDERR_FILENO, "; the input is in ");
        writeString(STDERR_FILENO, g_failureFile);
    }
    writeString(STDERR_FILENO, "\n");
}

void onSignal(int signal)
{
    reportFailure();
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

qint64 g_runs = 0;

// The caller has described the input in g_what.
void run(const QByteArray& input)
{
    g_input = &input;
    // Exactly the input's size, as libFuzzer passes it (a QByteArray has a terminating zero and
    // often spare capacity): AddressSanitizer then sees a read past the end.
    const size_t size = size_t(input.size());
    const std::unique_ptr<uint8_t[]> exact(new uint8_t[size]);
    std::copy_n(input.constData(), size, exact.get());
    LLVMFuzzerTestOneInput(exact.get(), size);
    ++g_runs;
}

void replay(const QString& path, std::mt19937& random)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "%s: cannot read %s\n", g_program, qUtf8Printable(path));
        std::exit(2);
    }
    const QByteArray data = file.readAll();
    const QByteArray name = QFileInfo(path).fileName().toUtf8();
    const qsizetype size = data.size();
    std::snprintf(g_what, sizeof g_what, "%s as it is", name.constData());
    run(data);
    if (size == 0)
        return;

    QList<qsizetype> lengths = {
        0, 1, 2, 4, 22, 30, size / 8, size / 4, size / 2, size * 3 / 4, size - 22, size - 2, size - 1};
    std::sort(lengths.begin(), lengths.end());
    lengths.erase(std::unique(lengths.begin(), lengths.end()), lengths.end());
    for (const qsizetype length : std::as_const(lengths)) {
        if (length >= 0 && length < size) {
            std::snprintf(g_what, sizeof g_what, "%s truncated to %lld bytes", name.constData(),
                          static_cast<long long>(length));
            run(data.left(length));
        }
    }

    std::uniform_int_distribution<int> byte(1, 255);
    for (int i = 0; i < g_flipsPerFile; ++i) {
        const qsizetype from = i % 2 == 0 ? 0 : std::max<qsizetype>(0, size - kTailBytes);
        std::uniform_int_distribution<qsizetype> position(from, size - 1);
        const qsizetype at = position(random);
        QByteArray damaged = data;
        damaged[at] = char(uint8_t(damaged.at(at)) ^ uint8_t(byte(random)));
        std::snprintf(g_what, sizeof g_what, "%s with the byte at %lld changed", name.constData(),
                      static_cast<long long>(at));
        run(damaged);
    }
}

} // namespace

int main(int argc, char** argv)
{
    if (argc > 0) {
        const QByteArray program = QFileInfo(QString::fromLocal8Bit(argv[0])).fileName().toLocal8Bit();
        std::snprintf(g_program, sizeof g_program, "%s", program.constData());
        std::snprintf(g_failureFile, sizeof g_failureFile, "%s-failure.bin", g_program);
    }
    LLVMFuzzerInitialize(&argc, &argv);
#ifdef GJD_REPLAY_ASAN
    __sanitizer_set_death_callback(reportFailure);
#else
    std::signal(SIGSEGV, onSignal);
    std::signal(SIGBUS, onSignal);
    std::signal(SIGFPE, onSignal);
    std::signal(SIGILL, onSignal);
#endif
    std::signal(SIGABRT, onSignal);

    int first = 1;
    if (argc > 2 && qstrcmp(argv[1], "--flips") == 0) {
        bool ok = false;
        g_flipsPerFile = QByteArray(argv[2]).toInt(&ok);
        if (!ok || g_flipsPerFile < 0) {
            std::fprintf(stderr, "%s: --flips needs a number\n", g_program);
            return 2;
        }
        first = 3;
    }
    QStringList files;
    for (int i = first; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (QFileInfo(arg).isDir()) {
            const QDir dir(arg);
            for (const QString& entry : dir.entryList(QDir::Files, QDir::Name))
                files.append(dir.filePath(entry));
        } else {
            files.append(arg);
        }
    }
    if (files.isEmpty()) {
        std::fprintf(stderr, "usage: %s [--flips N] DIR|FILE… (and the corpus must not be empty)\n",
                     g_program);
        return 2;
    }

    QElapsedTimer timer;
    timer.start();
    // One generator for the whole run: the files come in name order, so the positions are the
    // same on every run over the same corpus.
    std::mt19937 random(20261124);
    for (const QString& path : std::as_const(files))
        replay(path, random);
    g_input = nullptr;
    std::printf("%s: %lld files, %lld runs in %.1f s\n", g_program, static_cast<long long>(files.size()),
                static_cast<long long>(g_runs), double(timer.elapsed()) / 1000.0);
    return 0;
}
