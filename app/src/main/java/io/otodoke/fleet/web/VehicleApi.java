package io.otodoke.fleet.web;

import io.otodoke.account.Caller;
import io.otodoke.fleet.Vehicle;
import io.otodoke.fleet.Vehicles;
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
@RequestMapping("/api/v1/vehicles")
@Tag(name = "Vehicles", description = "The vehicles of a fleet and the device ids their phones report with")
class VehicleApi {

    private final Vehicles vehicles;

    VehicleApi(Vehicles vehicles) {
        this.vehicles = vehicles;
    }

    record NewVehicle(String name, String deviceId) {
    }

    record VehicleList(List<Vehicle> vehicles) {
    }

    @PostMapping
    @Operation(summary = "Register a vehicle by the device id its driver's phone reports with",
            description = "A device id is unique across the installation: a second registration is a 409.")
    ResponseEntity<Vehicle> register(@RequestBody NewVehicle body, Caller caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(vehicles.register(caller, body.name(), body.deviceId()));
    }

    @GetMapping
    @Operation(summary = "The caller's vehicles with their current positions (an administrator's: all)")
    VehicleList list(Caller caller) {
        return new VehicleList(vehicles.list(caller));
    }
}
