package io.otodoke.demo;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo mode ({@code ./otodoke demo}).
 *
 * @param enabled run the simulated shop and show the demo banner and demo users
 * @param speed   how much faster than real time the simulated parcels move (60: a simulated hour per minute)
 * @param seed    the world's seed: the same seed gives the same shop, orders and parcels
 * @param orders  number of orders in the simulated shop
 * @param tick    how often due simulated events are played
 * @param fleetSpeed how much faster than real time the own fleet's delivery day runs (10: the vans' day,
 *                   from 08:00 to the evening slots, in about an hour); slower than {@code speed}, so that a
 *                   visitor can watch a van come closer
 */
@ConfigurationProperties("otodoke.demo")
public record DemoProperties(boolean enabled, Integer speed, Long seed, Integer orders, Duration tick,
                             Integer fleetSpeed) {

    public DemoProperties {
        speed = speed == null || speed < 1 ? 60 : speed;
        seed = seed == null ? 20260801L : seed;
        orders = orders == null || orders < 1 ? 200 : orders;
        tick = tick == null ? Duration.ofSeconds(2) : tick;
        fleetSpeed = fleetSpeed == null || fleetSpeed < 1 ? 10 : fleetSpeed;
    }
}
