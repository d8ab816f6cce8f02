package dev.herder.protocol.validation;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** A service's clusterIP: empty (allocate one), "None" (headless) or an IP address literal. */
final class ClusterIps {
    static final String HEADLESS = "None";
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    /** Only hex digits, ':' and '.', so InetAddress parses a literal and never looks a name up. */
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private ClusterIps() {
    }

    static void check(String ip, String path, Errors errors) {
        if (ip == null || ip.isEmpty() || HEADLESS.equals(ip) || IPV4.matcher(ip).matches() || isIpv6(ip)) {
            return;
        }
        errors.add(path, "invalid value " + Names.quote(ip) + ": must be None or a valid IP address");
    }

    private static boolean isIpv6(String ip) {
        if (!IPV6_CHARS.matcher(ip).matches()) {
            return false;
        }
        try {
            InetAddress.getByName(ip);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
