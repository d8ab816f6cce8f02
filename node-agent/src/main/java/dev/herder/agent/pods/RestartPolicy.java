package dev.herder.agent.pods;

/** A pod's {@code spec.restartPolicy}: which ended containers the agent starts again. */
public enum RestartPolicy {
    ALWAYS("Always"),
    ON_FAILURE("OnFailure"),
    NEVER("Never");

    /** What an absent restartPolicy means, as in Kubernetes. */
    public static final RestartPolicy DEFAULT = ALWAYS;
    static final int SUCCESS = 0;

    private final String wireName;

    RestartPolicy(String wireName) {
        this.wireName = wireName;
    }

    /** The policy a spec names; null means {@link #DEFAULT}, an unknown name throws, naming the field. */
    public static RestartPolicy of(String wireName) {
        if (wireName == null) {
            return DEFAULT;
        }
        for (RestartPolicy p : values()) {
            if (p.wireName.equals(wireName)) {
                return p;
            }
        }
        throw new IllegalArgumentException("spec.restartPolicy \"" + wireName
                + "\" is not one of Always, OnFailure, Never");
    }

    /** Whether a container that ended with {@code exitCode} is started again. */
    public boolean restartsAfter(int exitCode) {
        return switch (this) {
            case ALWAYS -> true;
            case ON_FAILURE -> exitCode != SUCCESS;
            case NEVER -> false;
        };
    }

    /** The name as written in a manifest. */
    public String wireName() {
        return wireName;
    }
}
