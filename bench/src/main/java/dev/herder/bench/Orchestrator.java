package dev.herder.bench;

/**
 * One side of PeerBench: something that keeps N replicas of a container running on the machine's Docker engine
 * (a Herder replication controller, a Swarm service). Every figure is in ms, from the call that asks for the
 * change to the first poll that sees it done. Closing removes everything this side made.
 */
interface Orchestrator extends AutoCloseable {
    /** The container every replica runs: a sleep, as {@code sleep 3600}, that exits at once on SIGTERM. */
    String REPLICA_SCRIPT = "trap 'exit 0' TERM; sleep 3600 & wait";

    String name();

    /** Creates a replica set of image and waits until all its replicas run: ms from the create call. */
    long create(String set, int replicas, String image);

    /** {@code docker kill} of replica index's container: ms until a replacement runs. */
    long killAndHeal(String set, int index);

    /** Changes the set's image and waits until all its replicas run the new one and no old one runs. */
    long roll(String set, String image);

    /** Deletes the set and waits until its containers are gone (so they cost the next measurement nothing). */
    void remove(String set);

    @Override
    void close();
}
