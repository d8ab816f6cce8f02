package dev.herder.protocol.api;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes resource quantities ("100m", "0.5", "64Mi", "1G", "1e3") read into plain numbers:
 * cpu in millicores, everything else in whole units (bytes for memory), rounded up.
 */
public final class Quantity {
    private static final Pattern FORM = Pattern.compile("^([+-]?[0-9.]+(?:[eE][+-]?[0-9]+)?)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$");
    private static final Map<String, BigDecimal> SUFFIX = Map.ofEntries(
            Map.entry("m", new BigDecimal("0.001")),
            Map.entry("k", BigDecimal.TEN.pow(3)), Map.entry("M", BigDecimal.TEN.pow(6)),
            Map.entry("G", BigDecimal.TEN.pow(9)), Map.entry("T", BigDecimal.TEN.pow(12)),
            Map.entry("P", BigDecimal.TEN.pow(15)), Map.entry("E", BigDecimal.TEN.pow(18)),
            Map.entry("Ki", BigDecimal.valueOf(2).pow(10)), Map.entry("Mi", BigDecimal.valueOf(2).pow(20)),
            Map.entry("Gi", BigDecimal.valueOf(2).pow(30)), Map.entry("Ti", BigDecimal.valueOf(2).pow(40)),
            Map.entry("Pi", BigDecimal.valueOf(2).pow(50)), Map.entry("Ei", BigDecimal.valueOf(2).pow(60)));

    private Quantity() {
    }

    /** The quantity as a decimal number of units, or throws IllegalArgumentException naming the bad text. */
    public static BigDecimal parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("quantity is missing");
        }
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("quantity '" + text + "' must match a number with an optional suffix (m, k, M, G, Ki, Mi, Gi, ...)");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("quantity '" + text + "' is not a number");
        }
        String suffix = m.group(2);
        return suffix == null ? value : value.multiply(SUFFIX.get(suffix));
    }

    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** cpu in millicores: "250m" is 250, "1" is 1000, "0.5" is 500. */
    public static long millis(String text) {
        return parse(text).movePointRight(3).setScale(0, java.math.RoundingMode.CEILING).longValueExact();
    }

    /** Whole units, rounded up: "64Mi" is 67108864 (bytes). */
    public static long units(String text) {
        return parse(text).setScale(0, java.math.RoundingMode.CEILING).longValueExact();
    }
}
