package dev.herder.cli;

/**
 * Gives the JVM's common ForkJoinPool at least two threads, before anything starts it.
 *
 * <p>Every typed ask from Java (Pekko's {@code AskPattern.ask}) answers with Scala's adapter of a Future to a
 * CompletableFuture, which runs each callback ({@code handle}, and so every {@code pipeToSelf}) on the
 * CompletableFuture's default executor. That executor is the common pool only when its parallelism is above 1;
 * with fewer than three CPUs the JDK makes it 1 and then starts a new thread for every callback. On a 2-vCPU
 * machine a control plane placing thousands of pods a second spent most of its busy threads starting threads
 * (ScaleBench, jcmd Thread.print: 21 of 38 running threads were fresh "Thread-NNNN" in pipeToSelf).
 */
final class CommonPool {
    static final String PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";
    static final int MIN_PARALLELISM = 2;

    private CommonPool() {
    }

    /** Sets the common pool's parallelism to at least two, unless the command line named one. */
    static void atLeastTwoThreads() {
        if (System.getProperty(PARALLELISM) == null
                && Runtime.getRuntime().availableProcessors() - 1 < MIN_PARALLELISM) {
            System.setProperty(PARALLELISM, String.valueOf(MIN_PARALLELISM));
        }
    }
}
