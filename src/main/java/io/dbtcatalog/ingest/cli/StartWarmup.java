package io.dbtcatalog.ingest.cli;

import io.dbtcatalog.ingest.config.ConfigurationValidator;
import io.dbtcatalog.ingest.launch.FastStart;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * Uses the second core while a one-shot command starts on the first: a daemon thread loads and initialises, on
 * throw-away inputs, the libraries the command's main thread will need a moment later (H2's engine, Jackson,
 * JSqlParser, Hibernate Validator, Flyway), so that the main thread finds their classes loaded, verified and
 * initialised. Start-up is single-threaded, and a machine with two cores has one idle meanwhile; on a machine with
 * one core the warm-up does nothing ({@link #secondCore()}). docs/decisions/0017-start-on-two-cores.md has
 * the measurements.
 *
 * <p>It works while the main thread parses the command line and prepares Spring's environment, and stops before the
 * main thread uses any of these libraries itself ({@link #finish()}): a library is never initialised on both threads
 * at once. It can never change what a command does or prints: it touches no file, no catalog and no configuration
 * (its H2 database is a private in-memory one, gone at the end), it writes nothing, and every failure is swallowed.
 * The one thing it hands over is the configuration validator ({@link #preparedValidator()}), built as the refresh
 * would build it (decision 0038).
 * What may log (Hibernate Validator's version line, Flyway) waits until Spring Boot's logging system has taken over
 * the console ({@link #applicationStarting()}), so that nothing reaches standard output through Logback's default
 * configuration.
 */
final class StartWarmup {

    /** The commands that write to the catalog: they may migrate it, and they parse artifacts and SQL. */
    private static final Set<String> INGESTING = Set.of("run", "backfill");
    /** The command that reads whole artifacts without writing ({@code validate}). */
    private static final String VALIDATE = "validate";

    private final CountDownLatch loggingReady = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final Object lock = new Object();
    private boolean running;
    private boolean finished;
    private final List<Runnable> beforeLogging = new ArrayList<>();
    private final List<Runnable> afterLogging = new ArrayList<>();
    /** The configuration validator built by the warm-up; read by the main thread after {@link #finish()}. */
    private volatile LocalValidatorFactoryBean validator;

    /**
     * System property: {@code false} starts no warm-up (to measure it, or should it ever get in the way), {@code true}
     * starts it even on a single core (the build's class-data-sharing training, measurements); unset, it starts when
     * there is a second core ({@link #secondCore()}).
     */
    static final String SWITCH = "dbt-catalog-ingest.warmup";

    private StartWarmup() {}

    /**
     * The warm-up for the command line {@code args}, already started; {@link #NONE} for what needs none (no command,
     * help, version, {@code schedule}, which starts the full application and its own threads).
     */
    static StartWarmup begin(String[] args) {
        String switchValue = System.getProperty(SWITCH);
        return begin(args, switchValue, "true".equals(switchValue) ? () -> true : StartWarmup::secondCore);
    }

    /**
     * {@link #begin(String[])} with the value of the {@value #SWITCH} system property and what tells, on the warm-up
     * thread, whether a core is free for it.
     */
    static StartWarmup begin(String[] args, String switchValue, BooleanSupplier coreFree) {
        if ("false".equals(switchValue) || args.length == 0 || !oneShot(args[0]) || helpAsked(args)) {
            return NONE;
        }
        String command = args[0];
        StartWarmup warmup = new StartWarmup();
        warmup.beforeLogging.add(WarmupTasks::picocli);
        warmup.beforeLogging.add(WarmupTasks::h2);
        if (INGESTING.contains(command) || VALIDATE.equals(command)) {
            warmup.beforeLogging.add(WarmupTasks::json);
        }
        if (INGESTING.contains(command)) {
            warmup.beforeLogging.add(WarmupTasks::sqlParser);
        }
        warmup.afterLogging.add(() -> warmup.validator = WarmupTasks.validator());
        if (INGESTING.contains(command)) {
            warmup.afterLogging.add(WarmupTasks::flyway);
        }
        warmup.start(coreFree);
        return warmup;
    }

    /** No warm-up: {@link #applicationStarting()} and {@link #finish()} do nothing. */
    static final StartWarmup NONE = new StartWarmup();

    /** Spring Boot's logging system has the console (its application-starting event): what may log can run. */
    void applicationStarting() {
        if (this == NONE) {
            return;
        }
        loggingReady.countDown();
    }

    /**
     * The main thread is about to use the libraries itself (the application context is prepared, its refresh binds
     * the configuration with Hibernate Validator, then the catalog is opened): no further task starts, and this waits
     * for the one running, if any, to end. So a library's classes are never initialised by both threads at once,
     * and two class initialisers can never wait on each other across them.
     */
    void finish() {
        if (this == NONE) {
            return;
        }
        synchronized (lock) {
            finished = true;
            loggingReady.countDown();
            while (running) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * The configuration validator the warm-up built ({@link ConfigurationValidator#prepare()}), once it has
     * {@link #finish() finished}; null before that, when it did not get to it, or when it failed: the refresh then
     * builds its own, as without a warm-up.
     */
    LocalValidatorFactoryBean preparedValidator() {
        synchronized (lock) {
            return finished && !running ? validator : null;
        }
    }

    /** How many tasks the warm-up runs (none for {@link #NONE}). */
    int tasks() {
        return beforeLogging.size() + afterLogging.size();
    }

    private void start(BooleanSupplier coreFree) {
        Thread thread = new Thread(() -> run(coreFree), "dbt-catalog-ingest-warmup");
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> {});
        thread.start();
    }

    /** Waits up to {@code timeout} for the warm-up to end; true when it has (the command itself never waits). */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        return this == NONE || done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run(BooleanSupplier coreFree) {
        try {
            if (!coreFree.getAsBoolean()) {
                return;
            }
            beforeLogging.forEach(this::unlessFinished);
            loggingReady.await();
            afterLogging.forEach(this::unlessFinished);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            done.countDown();
        }
    }

    /**
     * Whether there is a second core for the warm-up: it runs on any machine with two or more, however busy. On two
     * cores it shortened {@code status} and a first {@code run} both when the machine was idle (÷1.05, ÷1.04) and
     * when two other processes kept both cores busy (÷1.03, ÷1.08); on one core it slowed {@code status} (×1.02),
     * docs/decisions/0039-warm-up-on-any-two-cores.md. It used to wait for a one-minute load average below the number
     * of cores, which back-to-back commands kept above it.
     */
    static boolean secondCore() {
        return secondCore(Runtime.getRuntime().availableProcessors());
    }

    /** {@link #secondCore()} for a number of cores. */
    static boolean secondCore(int cores) {
        return cores >= 2;
    }

    /** Runs {@code task} unless the main thread has {@link #finish() finished} the warm-up; never throws. */
    private void unlessFinished(Runnable task) {
        synchronized (lock) {
            if (finished) {
                return;
            }
            running = true;
        }
        try {
            task.run();
        } catch (Throwable ignored) {
            // a warm-up that fails leaves the work to the main thread, as without it
        } finally {
            synchronized (lock) {
                running = false;
                lock.notifyAll();
            }
        }
    }

    private static boolean oneShot(String command) {
        return INGESTING.contains(command) || VALIDATE.equals(command) || FastStart.CATALOG_QUERIES.contains(command);
    }

    private static boolean helpAsked(String[] args) {
        for (String arg : args) {
            if (arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version")) {
                return true;
            }
        }
        return false;
    }
}
