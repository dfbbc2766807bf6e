package io.otodoke.web;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The live map's settings for the map fragment ({@code templates/fragments/map.html}), on every
 * page as {@code map}, as the layout's attributes are ({@link LayoutAttributes}): a page that
 * shows a map needs no code of its own to configure it.
 */
@ControllerAdvice(annotations = PageController.class)
class MapAttributes {

    private final MapProperties map;

    MapAttributes(MapProperties map) {
        this.map = map;
    }

    @ModelAttribute("map")
    MapProperties map() {
        return map;
    }
}
