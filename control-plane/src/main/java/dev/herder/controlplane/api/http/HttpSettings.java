package dev.herder.controlplane.api.http;

import com.typesafe.config.Config;
import java.time.Duration;

/** The herder.control-plane.http section of the config, read once; every key is documented in reference.conf. */
public record HttpSettings(
        String address,
        int port,
        Duration bodyTimeout,
        long maxBodyBytes,
        int watchCacheSize,
        int watchQueue,
        Duration watchTimeout,
        Duration bookmarkInterval) {

    public static HttpSettings from(Config root) {
        Config c = root.getConfig("herder.control-plane.http");
        return new HttpSettings(
                c.getString("address").isEmpty() ? root.getString("pekko.remote.artery.canonical.hostname")
                        : c.getString("address"),
                c.getInt("port"),
                c.getDuration("body-timeout"),
                c.getBytes("max-body-bytes"),
                c.getInt("watch.cache-size"),
                c.getInt("watch.queue"),
                c.getDuration("watch.timeout"),
                c.getDuration("watch.bookmark-interval"));
    }
}
