package se.municipality.eops.portal.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: a greeting and the person's pages (the navigation, as cards). */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }
}
