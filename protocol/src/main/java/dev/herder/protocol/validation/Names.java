package dev.herder.protocol.validation;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Kubernetes' name rules (apimachinery's validation package): DNS-1123 labels and subdomains,
 * DNS-1035 labels, qualified names (label and annotation keys), label values, IANA service names
 * and environment variable names. Each check returns the reason a value is wrong, or empty.
 */
public final class Names {
    public static final int DNS1123_LABEL_MAX = 63;
    public static final int DNS1123_SUBDOMAIN_MAX = 253;
    public static final int DNS1035_LABEL_MAX = 63;
    public static final int QUALIFIED_NAME_MAX = 63;
    public static final int LABEL_VALUE_MAX = 63;
    public static final int IANA_SVC_NAME_MAX = 15;
    private static final int QUOTED_VALUE_MAX = 64;

    private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final Pattern DNS1123_LABEL = Pattern.compile(LABEL);
    private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(LABEL + "(\\." + LABEL + ")*");
    private static final Pattern DNS1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern IANA_SVC_NAME = Pattern.compile("[-a-z0-9]+");
    private static final Pattern HAS_LETTER = Pattern.compile(".*[a-z].*");
    private static final Pattern ENV_VAR_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");

    static final String DNS1123_LABEL_RULE = "must be a DNS-1123 label (at most 63 lowercase letters, digits or '-',"
            + " starting and ending with a letter or digit)";
    static final String DNS1123_SUBDOMAIN_RULE = "must be a DNS-1123 subdomain (at most 253 lowercase letters,"
            + " digits, '-' or '.', starting and ending with a letter or digit)";
    static final String DNS1035_LABEL_RULE = "must be a DNS-1035 label (at most 63 lowercase letters, digits or '-',"
            + " starting with a letter and ending with a letter or digit)";
    static final String NAME_PART_RULE = "at most 63 letters, digits, '-', '_' or '.', starting and ending with"
            + " a letter or digit";
    static final String IANA_SVC_NAME_RULE = "must be an IANA service name (at most 15 lowercase letters, digits"
            + " or '-', with at least one letter and no leading, trailing or double '-')";
    static final String ENV_VAR_NAME_RULE = "must consist of letters, digits, '_', '-' or '.' and must not start"
            + " with a digit";

    private Names() {
    }

    public static Optional<String> dns1123Label(String value) {
        return check(value.length() <= DNS1123_LABEL_MAX && DNS1123_LABEL.matcher(value).matches(),
                value, DNS1123_LABEL_RULE);
    }

    public static Optional<String> dns1123Subdomain(String value) {
        return check(value.length() <= DNS1123_SUBDOMAIN_MAX && DNS1123_SUBDOMAIN.matcher(value).matches(),
                value, DNS1123_SUBDOMAIN_RULE);
    }

    public static Optional<String> dns1035Label(String value) {
        return check(value.length() <= DNS1035_LABEL_MAX && DNS1035_LABEL.matcher(value).matches(),
                value, DNS1035_LABEL_RULE);
    }

    /** A label or annotation key: an optional DNS-1123 subdomain prefix and '/', then a name part. */
    public static Optional<String> qualifiedName(String key) {
        String name = key;
        int slash = key.indexOf('/');
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            name = key.substring(slash + 1);
            if (prefix.isEmpty() || prefix.length() > DNS1123_SUBDOMAIN_MAX
                    || !DNS1123_SUBDOMAIN.matcher(prefix).matches()) {
                return Optional.of("invalid key " + quote(key) + ": prefix " + DNS1123_SUBDOMAIN_RULE);
            }
        }
        if (name.isEmpty() || name.length() > QUALIFIED_NAME_MAX || !QUALIFIED_NAME.matcher(name).matches()) {
            return Optional.of("invalid key " + quote(key) + ": name part must be " + NAME_PART_RULE);
        }
        return Optional.empty();
    }

    /** A label value: empty, or a name part. */
    public static Optional<String> labelValue(String value) {
        boolean ok = value.isEmpty()
                || value.length() <= LABEL_VALUE_MAX && QUALIFIED_NAME.matcher(value).matches();
        return check(ok, value, "must be empty or " + NAME_PART_RULE);
    }

    /** A port name: what Kubernetes calls IANA_SVC_NAME. */
    public static Optional<String> ianaServiceName(String value) {
        boolean ok = value.length() <= IANA_SVC_NAME_MAX && IANA_SVC_NAME.matcher(value).matches()
                && HAS_LETTER.matcher(value).matches() && !value.startsWith("-") && !value.endsWith("-")
                && !value.contains("--");
        return check(ok, value, IANA_SVC_NAME_RULE);
    }

    public static Optional<String> envVarName(String value) {
        return check(ENV_VAR_NAME.matcher(value).matches(), value, ENV_VAR_NAME_RULE);
    }

    /** The value in double quotes, cut short when long, for messages. */
    public static String quote(String value) {
        String shown = value.length() > QUOTED_VALUE_MAX ? value.substring(0, QUOTED_VALUE_MAX) + "..." : value;
        return "\"" + shown + "\"";
    }

    private static Optional<String> check(boolean ok, String value, String rule) {
        return ok ? Optional.empty() : Optional.of("invalid value " + quote(value) + ": " + rule);
    }
}
