package io.otodoke.insights.web;

import io.otodoke.account.Caller;
import io.otodoke.insights.DeliveryInsights;
import io.otodoke.insights.Insights;
import io.otodoke.tracking.EventTime;
import io.otodoke.web.PageController;
import java.time.LocalDateTime;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 「配達の指標」: the operator's first-attempt rate, redeliveries avoided and CO2 saved (operators, administrators). */
@PageController
class InsightsPage {

    private final Insights insights;

    InsightsPage(Insights insights) {
        this.insights = insights;
    }

    /** The figures and the period's days in Japan (the end exclusive, shown as the last day). */
    @GetMapping("/insights")
    String page(@RequestParam(required = false) String days, Caller caller, Model model) {
        int d = 30;
        try {
            d = days == null ? 30 : Math.max(1, Math.min(366, Integer.parseInt(days.strip())));
        } catch (NumberFormatException e) {
            d = 30;
        }
        DeliveryInsights figures = insights.lastDays(caller, d);
        model.addAttribute("figures", figures);
        model.addAttribute("days", d);
        model.addAttribute("fromDay", LocalDateTime.ofInstant(figures.from(), EventTime.TOKYO).toLocalDate());
        model.addAttribute("toDay", LocalDateTime.ofInstant(figures.to(), EventTime.TOKYO).toLocalDate());
        model.addAttribute("ratePercent", figures.firstAttemptRate() == null ? null
                : String.format("%.1f", figures.firstAttemptRate() * 100));
        model.addAttribute("co2Kg", String.format("%.1f", figures.co2SavedGrams() / 1000.0));
        return "insights/insights";
    }
}
