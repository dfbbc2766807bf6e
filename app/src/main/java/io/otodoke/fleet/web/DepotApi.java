package io.otodoke.fleet.web;

import io.otodoke.account.Caller;
import io.otodoke.fleet.Depot;
import io.otodoke.fleet.Depots;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/depots")
@Tag(name = "Depots", description = "Where a fleet's vans load and start their routes")
class DepotApi {

    private final Depots depots;

    DepotApi(Depots depots) {
        this.depots = depots;
    }

    record DepotList(List<Depot> depots) {
    }

    @PostMapping
    @Operation(summary = "Create a depot (code unique within the shop)")
    ResponseEntity<Depot> create(@RequestBody Depots.NewDepot body, Caller caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(depots.create(caller, body));
    }

    @GetMapping
    @Operation(summary = "The caller's depots (an administrator's: all)")
    DepotList list(Caller caller) {
        return new DepotList(depots.list(caller));
    }
}
