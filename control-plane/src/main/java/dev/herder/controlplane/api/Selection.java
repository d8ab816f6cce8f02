package dev.herder.controlplane.api;

import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.selector.FieldSelector;
import dev.herder.protocol.selector.LabelSelector;
import java.util.Map;

/** Which objects of a kind a list or a watch asks for: a label selector and a field selector, both optional. */
public record Selection(LabelSelector labels, FieldSelector fields) {

    /**
     * The selectors of a request for kind (null text: everything); an IllegalArgumentException names what is wrong
     * with them: a malformed selector, or a field the kind does not serve.
     */
    public static Selection parse(String kind, String labelText, String fieldText) {
        LabelSelector labels;
        try {
            labels = LabelSelector.parse(labelText == null ? "" : labelText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid label selector \"" + labelText + "\": " + e.getMessage(), e);
        }
        FieldSelector fields = FieldSelector.parse(fieldText);
        fields.unsupported(kind).ifPresent(message -> {
            throw new IllegalArgumentException(message);
        });
        return new Selection(labels, fields);
    }

    public boolean matches(ApiObject o) {
        Map<String, String> l = o.metadata().labels();
        return labels.matches(l == null ? Map.of() : l) && fields.matches(o);
    }
}
