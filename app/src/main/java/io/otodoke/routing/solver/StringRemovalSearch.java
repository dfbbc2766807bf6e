package io.otodoke.routing.solver;

import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import ai.timefold.solver.core.api.solver.phase.PhaseCommandContext;
import ai.timefold.solver.core.preview.api.domain.metamodel.ElementPosition;
import ai.timefold.solver.core.preview.api.domain.metamodel.PlanningListVariableMetaModel;
import ai.timefold.solver.core.preview.api.domain.metamodel.PositionInList;
import ai.timefold.solver.core.preview.api.move.Move;
import ai.timefold.solver.core.preview.api.move.MutableSolutionView;
import io.otodoke.routing.domain.Location;
import io.otodoke.routing.domain.RoutePlan;
import io.otodoke.routing.domain.Van;
import io.otodoke.routing.domain.Visit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A Timefold custom phase: ruin-and-recreate by <em>slack induction by string removals</em> (Christiaens
 * and Vanden Berghe, "Slack Induction by String Removals for Vehicle Routing Problems", Transportation
 * Science 54(2), 2020) under simulated annealing, on an array copy of the plan.
 *
 * <p>Why a phase of our own: Timefold's community edition has no nearby selection, so its moves mostly
 * pair far-apart visits; this search removes a few strings of neighbouring visits from neighbouring
 * routes and puts them back one by one at their cheapest feasible place (skipping a place now and then,
 * the "blinks"). Every insertion is checked in constant time against capacity, the windows of every
 * later visit (the latest start each position allows, computed backwards once per route change), the
 * shift end and the dispatcher's lock, so the search only ever holds plans that break no hard rule.
 * Its cost is the medium level of {@link RoutingConstraints}: travel time plus the penalty for an
 * announced visit on another van; an announced <em>next</em> stop stays first on its van (never ruined,
 * nothing inserted before it). The best plan found is written back into Timefold's working solution,
 * which scores it with the constraints; Timefold's local search then continues from it.
 *
 * <p>When the plan given to the phase breaks a hard rule, the search starts from its own insertion
 * instead; if it cannot place every visit, nothing is written back.
 */
final class StringRemovalSearch implements PhaseCommand<RoutePlan> {

    /** Average number of visits removed per ruin (the paper's c̄). */
    private static final double AVERAGE_REMOVED = 10;
    /** Longest string removed from one route (the paper's L^max). */
    private static final int MAX_STRING = 10;
    /** Probability of skipping a position while recreating (the paper's blink rate β). */
    private static final double BLINK_RATE = 0.01;
    /** Start and end temperature, in average travel per visit of the first plan. */
    private static final double START_TEMPERATURE = 10, END_TEMPERATURE = 0.1;

    private final long timeLimitNanos;
    private final long maxIterations;
    private final long seed;

    /**
     * @param timeLimitNanos the phase's own time budget; the temperature falls over it ({@code 0}: none,
     *                       the temperature falls over {@code maxIterations})
     * @param maxIterations  an upper bound on ruin-and-recreate iterations
     */
    StringRemovalSearch(long timeLimitNanos, long maxIterations, long seed) {
        this.timeLimitNanos = timeLimitNanos;
        this.maxIterations = maxIterations;
        this.seed = seed;
    }

    @Override
    public void changeWorkingSolution(PhaseCommandContext<RoutePlan> context) {
        RoutePlan plan = context.getWorkingSolution();
        if (plan.getVisits().isEmpty() || plan.getVans().isEmpty()) {
            return;
        }
        Problem problem = new Problem(plan);
        State given = problem.stateOf(plan);
        SplittableRandom random = new SplittableRandom(seed);
        State start = given != null ? given : problem.insertAll(random);
        State best = search(problem, start, random, context);
        if (best.unassigned > 0 || (given != null && !best.betterThan(given))) {
            return;
        }
        PlanningListVariableMetaModel<RoutePlan, Van, Visit> visits =
                context.getSolutionMetaModel().genuineEntity(Van.class).listVariable();
        context.execute(new Rearrange(visits, List.of(problem.vans), problem.plannedOrder(best)));
    }

    private State search(Problem problem, State start, SplittableRandom random, PhaseCommandContext<RoutePlan> context) {
        State current = start.copy();
        State best = start.copy();
        State candidate = start.copy();
        double perVisit = Math.max(1, (double) start.cost() / problem.n);
        double t0 = START_TEMPERATURE * perVisit;
        double tf = END_TEMPERATURE * perVisit;
        long began = System.nanoTime();
        for (long iteration = 0; iteration < maxIterations; iteration++) {
            double progress;
            if (timeLimitNanos > 0) {
                progress = (double) (System.nanoTime() - began) / timeLimitNanos;
                if (progress >= 1) {
                    break;
                }
            } else {
                progress = (double) iteration / maxIterations;
            }
            if ((iteration & 255) == 0 && context.isPhaseTerminated()) {
                break;
            }
            double temperature = t0 * Math.pow(tf / t0, progress);
            candidate.copyFrom(current);
            int[] removed = problem.ruin(candidate, random);
            problem.recreate(candidate, removed, random);
            if (candidate.unassigned < current.unassigned || (candidate.unassigned == current.unassigned
                    && candidate.cost() < current.cost() - temperature * Math.log(random.nextDouble()))) {
                State swap = current;
                current = candidate;
                candidate = swap;
                if (current.betterThan(best)) {
                    best.copyFrom(current);
                }
            }
        }
        return best;
    }

    /** The plan as arrays: visit and van attributes, the travel-time matrix and each visit's neighbours. */
    static final class Problem {
        final int n;
        final int m;
        final long[][] travel;
        final int[] visitLocation;
        final long[] demand;
        final long[] service;
        final long[] ready;
        final long[] due;
        final int[] lockedVan;
        final int[] announcedVan;
        final long[] movePenalty;
        /** The van whose first visit this one must stay, or -1. */
        final int[] pinnedFirst;
        final long[] capacity;
        final int[] startLocation;
        final int[] depotLocation;
        final long[] departure;
        final long[] shiftEnd;
        /** Vans with the same start, depot, times and capacity share a class: one empty van per class is tried. */
        final int[] vanClass;
        /** Each visit's other visits, nearest first (travel both ways). */
        final int[][] neighbours;
        final double[] depotDistance;
        final Visit[] visits;
        final Van[] vans;

        Problem(RoutePlan plan) {
            visits = plan.getVisits().toArray(Visit[]::new);
            vans = plan.getVans().toArray(Van[]::new);
            n = visits.length;
            m = vans.length;
            Map<Van, Integer> vanIndex = new IdentityHashMap<>();
            for (int k = 0; k < m; k++) {
                vanIndex.put(vans[k], k);
            }
            Map<Integer, long[]> rows = new HashMap<>();
            for (Visit v : visits) {
                rows.put(v.getLocation().index(), v.getLocation().travelTimes());
            }
            for (Van k : vans) {
                rows.put(k.getStart().index(), k.getStart().travelTimes());
                rows.put(k.getDepot().index(), k.getDepot().travelTimes());
            }
            int size = rows.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
            travel = new long[size][];
            rows.forEach((index, row) -> travel[index] = row);
            visitLocation = new int[n];
            demand = new long[n];
            service = new long[n];
            ready = new long[n];
            due = new long[n];
            lockedVan = new int[n];
            announcedVan = new int[n];
            movePenalty = new long[n];
            pinnedFirst = new int[n];
            for (int i = 0; i < n; i++) {
                Visit v = visits[i];
                visitLocation[i] = v.getLocation().index();
                demand[i] = v.getDemand();
                service[i] = v.getServiceDuration();
                ready[i] = v.getReadyTime();
                due[i] = v.getDueTime();
                lockedVan[i] = v.getLockedVan() == null ? -1 : vanIndex.getOrDefault(v.getLockedVan(), -1);
                announcedVan[i] = v.getAnnouncedVan() == null ? -1 : vanIndex.getOrDefault(v.getAnnouncedVan(), -1);
                movePenalty[i] = v.getMovePenalty();
                pinnedFirst[i] = v.isNext() ? announcedVan[i] : -1;
            }
            capacity = new long[m];
            startLocation = new int[m];
            depotLocation = new int[m];
            departure = new long[m];
            shiftEnd = new long[m];
            vanClass = new int[m];
            Map<List<Long>, Integer> classes = new HashMap<>();
            for (int k = 0; k < m; k++) {
                Van van = vans[k];
                capacity[k] = van.getCapacity();
                startLocation[k] = van.getStart().index();
                depotLocation[k] = van.getDepot().index();
                departure[k] = van.getDepartureTime();
                shiftEnd[k] = van.getShiftEnd();
                vanClass[k] = classes.computeIfAbsent(List.of(capacity[k], (long) startLocation[k],
                        (long) depotLocation[k], departure[k], shiftEnd[k]), key -> classes.size());
            }
            neighbours = new int[n][];
            depotDistance = new double[n];
            for (int i = 0; i < n; i++) {
                int from = visitLocation[i];
                Integer[] others = new Integer[n];
                for (int j = 0; j < n; j++) {
                    others[j] = j;
                }
                Arrays.sort(others, (a, b) -> Long.compare(between(from, visitLocation[a]), between(from, visitLocation[b])));
                neighbours[i] = Arrays.stream(others).mapToInt(Integer::intValue).toArray();
                depotDistance[i] = travel[depotLocation[0]][from];
            }
        }

        private long between(int a, int b) {
            return travel[a][b] + travel[b][a];
        }

        /** The plan's current assignment, or null when it breaks a hard rule or leaves a visit out. */
        State stateOf(RoutePlan plan) {
            Map<Visit, Integer> index = new IdentityHashMap<>();
            for (int i = 0; i < n; i++) {
                index.put(visits[i], i);
            }
            State s = new State(this);
            for (int k = 0; k < m; k++) {
                for (Visit v : vans[k].getVisits()) {
                    Integer i = index.get(v);
                    if (i == null) {
                        return null;
                    }
                    s.route[k][s.size[k]++] = i;
                    s.vanOf[i] = k;
                }
                s.update(k);
                if (!s.feasible(k)) {
                    return null;
                }
            }
            for (int i = 0; i < n; i++) {
                if (s.vanOf[i] < 0) {
                    return null;
                }
                if (pinnedFirst[i] >= 0 && s.route[pinnedFirst[i]][0] != i) {
                    return null; // the next stop moved: let the constraints weigh that, not this search
                }
            }
            s.unassigned = 0;
            return s;
        }

        /** A first plan: announced next stops first on their vans, then every visit at its cheapest place. */
        State insertAll(SplittableRandom random) {
            State s = new State(this);
            int[] rest = new int[n];
            int count = 0;
            for (int i = 0; i < n; i++) {
                int k = pinnedFirst[i];
                if (k >= 0 && s.size[k] == 0 && s.feasibleInsertion(k, 0, i)) {
                    s.insert(k, 0, i);
                } else {
                    rest[count++] = i;
                }
            }
            s.unassigned = 0;
            recreate(s, Arrays.copyOf(rest, count), random);
            return s;
        }

        /** Removes strings of neighbouring visits from up to a few routes near a random visit. */
        int[] ruin(State s, SplittableRandom random) {
            int used = 0;
            for (int k = 0; k < m; k++) {
                if (s.size[k] > 0) {
                    used++;
                }
            }
            if (used == 0) {
                return new int[0];
            }
            double averageSize = (double) (n - s.unassigned) / used;
            double maxString = Math.min(MAX_STRING, averageSize);
            double maxStrings = 4 * AVERAGE_REMOVED / (1 + maxString) - 1;
            int strings = (int) (1 + random.nextDouble() * maxStrings);
            int seedVisit = random.nextInt(n);
            int[] removed = new int[n];
            int count = 0;
            boolean[] ruined = new boolean[m];
            int ruinedCount = 0;
            for (int c : neighbours[seedVisit]) {
                if (ruinedCount >= strings) {
                    break;
                }
                int k = s.vanOf[c];
                if (k < 0 || ruined[k]) {
                    continue;
                }
                ruined[k] = true;
                ruinedCount++;
                int size = s.size[k];
                int maxLength = (int) Math.min(size, maxString);
                int length = 1 + random.nextInt(Math.max(1, maxLength));
                int position = s.positionOf(k, c);
                if (length == size || random.nextBoolean()) {
                    int first = Math.max(0, Math.min(position - random.nextInt(length), size - length));
                    count = s.removeRange(k, first, length, 0, 0, removed, count);
                } else {
                    int kept = 1;
                    while (length + kept < size && random.nextBoolean()) {
                        kept++;
                    }
                    int span = length + kept;
                    int first = Math.max(0, Math.min(position - random.nextInt(span), size - span));
                    count = s.removeRange(k, first, span, random.nextInt(length + 1), kept, removed, count);
                }
            }
            for (int i = 0; i < n && s.unassigned > 0; i++) {
                // visits left out by an earlier recreate are tried again
                if (s.vanOf[i] < 0 && !contains(removed, count, i)) {
                    removed[count++] = i;
                }
            }
            return Arrays.copyOf(removed, count);
        }

        private static boolean contains(int[] a, int count, int x) {
            for (int i = 0; i < count; i++) {
                if (a[i] == x) {
                    return true;
                }
            }
            return false;
        }

        /** Puts each removed visit at its cheapest feasible place, in one of several orders picked at random. */
        void recreate(State s, int[] removed, SplittableRandom random) {
            sort(removed, random);
            int[] vanOrder = new int[m];
            for (int k = 0; k < m; k++) {
                vanOrder[k] = k;
            }
            boolean[] emptyClassTried = new boolean[m];
            s.unassigned = 0;
            for (int i = 0; i < n; i++) {
                if (s.vanOf[i] < 0 && !contains(removed, removed.length, i)) {
                    s.unassigned++;
                }
            }
            for (int c : removed) {
                shuffle(vanOrder, random);
                Arrays.fill(emptyClassTried, false);
                int bestVan = -1;
                int bestPosition = -1;
                long bestCost = Long.MAX_VALUE;
                for (int k : vanOrder) {
                    if ((lockedVan[c] >= 0 && lockedVan[c] != k) || s.load[k] + demand[c] > capacity[k]) {
                        continue;
                    }
                    if (s.size[k] == 0) {
                        if (emptyClassTried[vanClass[k]]) {
                            continue;
                        }
                        emptyClassTried[vanClass[k]] = true;
                    }
                    int firstPosition = s.size[k] > 0 && pinnedFirst[s.route[k][0]] == k ? 1 : 0;
                    long penalty = announcedVan[c] >= 0 && announcedVan[c] != k ? movePenalty[c] : 0;
                    for (int p = firstPosition; p <= s.size[k]; p++) {
                        if (random.nextDouble() < BLINK_RATE) {
                            continue;
                        }
                        long added = s.addedTravel(k, p, c) + penalty;
                        if (added < bestCost && s.feasibleInsertion(k, p, c)) {
                            bestCost = added;
                            bestVan = k;
                            bestPosition = p;
                        }
                    }
                }
                if (bestVan < 0) {
                    s.unassigned++;
                } else {
                    s.insert(bestVan, bestPosition, c);
                }
            }
        }

        private void sort(int[] removed, SplittableRandom random) {
            int how = random.nextInt(13);
            Integer[] boxed = Arrays.stream(removed).boxed().toArray(Integer[]::new);
            if (how < 4) {
                shuffle(removed, random);
                return;
            } else if (how < 8) {
                Arrays.sort(boxed, (a, b) -> Long.compare(demand[b], demand[a]));
            } else if (how < 10) {
                Arrays.sort(boxed, (a, b) -> Double.compare(depotDistance[b], depotDistance[a]));
            } else if (how < 11) {
                Arrays.sort(boxed, (a, b) -> Double.compare(depotDistance[a], depotDistance[b]));
            } else if (how < 12) {
                Arrays.sort(boxed, (a, b) -> Long.compare(due[a] - ready[a], due[b] - ready[b]));
            } else {
                Arrays.sort(boxed, (a, b) -> Long.compare(ready[a], ready[b]));
            }
            for (int i = 0; i < removed.length; i++) {
                removed[i] = boxed[i];
            }
        }

        private static void shuffle(int[] a, SplittableRandom random) {
            for (int i = a.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = a[i];
                a[i] = a[j];
                a[j] = t;
            }
        }

        /** Each van's visits in the order of the state, as the plan's objects. */
        List<List<Visit>> plannedOrder(State s) {
            List<List<Visit>> order = new ArrayList<>(m);
            for (int k = 0; k < m; k++) {
                List<Visit> route = new ArrayList<>(s.size[k]);
                for (int p = 0; p < s.size[k]; p++) {
                    route.add(visits[s.route[k][p]]);
                }
                order.add(route);
            }
            return order;
        }
    }

    /** Routes as arrays with what an O(1) insertion check needs: service starts and latest starts per position. */
    static final class State {
        final Problem p;
        final int[][] route;
        final int[] size;
        final int[] vanOf;
        final long[][] serviceStart;
        /** The latest service start at each position that keeps every later window and the shift end. */
        final long[][] latestStart;
        final long[] load;
        final long[] travel;
        final long[] penalty;
        int unassigned;

        State(Problem p) {
            this.p = p;
            route = new int[p.m][p.n];
            size = new int[p.m];
            vanOf = new int[p.n];
            Arrays.fill(vanOf, -1);
            serviceStart = new long[p.m][p.n];
            latestStart = new long[p.m][p.n];
            load = new long[p.m];
            travel = new long[p.m];
            penalty = new long[p.m];
            unassigned = p.n;
        }

        State copy() {
            State s = new State(p);
            s.copyFrom(this);
            return s;
        }

        void copyFrom(State o) {
            for (int k = 0; k < p.m; k++) {
                int len = o.size[k];
                if (len > 0 || size[k] > 0) {
                    System.arraycopy(o.route[k], 0, route[k], 0, len);
                    System.arraycopy(o.serviceStart[k], 0, serviceStart[k], 0, len);
                    System.arraycopy(o.latestStart[k], 0, latestStart[k], 0, len);
                }
            }
            System.arraycopy(o.size, 0, size, 0, p.m);
            System.arraycopy(o.vanOf, 0, vanOf, 0, p.n);
            System.arraycopy(o.load, 0, load, 0, p.m);
            System.arraycopy(o.travel, 0, travel, 0, p.m);
            System.arraycopy(o.penalty, 0, penalty, 0, p.m);
            unassigned = o.unassigned;
        }

        long cost() {
            long total = 0;
            for (int k = 0; k < p.m; k++) {
                total += travel[k] + penalty[k];
            }
            return total;
        }

        int vansUsed() {
            int used = 0;
            for (int k = 0; k < p.m; k++) {
                if (size[k] > 0) {
                    used++;
                }
            }
            return used;
        }

        /** Fewer visits left out, then lower cost (the medium score), then fewer vans (the soft score). */
        boolean betterThan(State o) {
            if (unassigned != o.unassigned) {
                return unassigned < o.unassigned;
            }
            long cost = cost();
            long other = o.cost();
            return cost != other ? cost < other : vansUsed() < o.vansUsed();
        }

        int positionOf(int k, int visit) {
            int[] r = route[k];
            for (int i = 0; i < size[k]; i++) {
                if (r[i] == visit) {
                    return i;
                }
            }
            throw new IllegalStateException("visit " + visit + " is not on van " + k);
        }

        /**
         * Removes the {@code span} visits from {@code first} except {@code keptCount} consecutive ones
         * {@code keptOffset} into the span; an announced next stop is never removed.
         */
        int removeRange(int k, int first, int span, int keptOffset, int keptCount, int[] removed, int count) {
            int[] r = route[k];
            int write = first;
            for (int i = first; i < size[k]; i++) {
                int v = r[i];
                int offset = i - first;
                boolean keep = offset >= span || (offset >= keptOffset && offset < keptOffset + keptCount)
                        || p.pinnedFirst[v] == k;
                if (keep) {
                    r[write++] = v;
                } else {
                    removed[count++] = v;
                    vanOf[v] = -1;
                }
            }
            size[k] = write;
            update(k);
            return count;
        }

        void insert(int k, int position, int visit) {
            int[] r = route[k];
            System.arraycopy(r, position, r, position + 1, size[k] - position);
            r[position] = visit;
            size[k]++;
            vanOf[visit] = k;
            update(k);
        }

        /** Recomputes van k's service starts, latest starts, load, travel and penalty. */
        void update(int k) {
            int[] r = route[k];
            int len = size[k];
            long[][] tt = p.travel;
            long time = p.departure[k];
            int at = p.startLocation[k];
            long driven = 0;
            long carried = 0;
            long moved = 0;
            long[] starts = serviceStart[k];
            for (int i = 0; i < len; i++) {
                int v = r[i];
                int loc = p.visitLocation[v];
                driven += tt[at][loc];
                time = Math.max(time + tt[at][loc], p.ready[v]);
                starts[i] = time;
                time += p.service[v];
                at = loc;
                carried += p.demand[v];
                if (p.announcedVan[v] >= 0 && p.announcedVan[v] != k) {
                    moved += p.movePenalty[v];
                }
            }
            travel[k] = len == 0 ? 0 : driven + tt[at][p.depotLocation[k]];
            load[k] = carried;
            penalty[k] = moved;
            if (len > 0) {
                long[] latest = latestStart[k];
                int last = r[len - 1];
                long bound = p.shiftEnd[k] - tt[p.visitLocation[last]][p.depotLocation[k]] - p.service[last];
                latest[len - 1] = Math.min(p.due[last], bound);
                for (int i = len - 2; i >= 0; i--) {
                    int v = r[i];
                    latest[i] = Math.min(p.due[v],
                            latest[i + 1] - tt[p.visitLocation[v]][p.visitLocation[r[i + 1]]] - p.service[v]);
                }
            }
        }

        boolean feasible(int k) {
            if (load[k] > p.capacity[k]) {
                return false;
            }
            for (int i = 0; i < size[k]; i++) {
                int v = route[k][i];
                if (serviceStart[k][i] > latestStart[k][i] || (p.lockedVan[v] >= 0 && p.lockedVan[v] != k)) {
                    return false;
                }
            }
            return true;
        }

        long addedTravel(int k, int position, int visit) {
            long[][] tt = p.travel;
            int loc = p.visitLocation[visit];
            int before = position == 0 ? p.startLocation[k] : p.visitLocation[route[k][position - 1]];
            if (size[k] == 0) {
                return tt[before][loc] + tt[loc][p.depotLocation[k]];
            }
            int after = position == size[k] ? p.depotLocation[k] : p.visitLocation[route[k][position]];
            return tt[before][loc] + tt[loc][after] - tt[before][after];
        }

        /** Windows and shift end after inserting; capacity and locks are checked by the caller. */
        boolean feasibleInsertion(int k, int position, int visit) {
            long[][] tt = p.travel;
            int loc = p.visitLocation[visit];
            int before;
            long leave;
            if (position == 0) {
                before = p.startLocation[k];
                leave = p.departure[k];
            } else {
                int prev = route[k][position - 1];
                before = p.visitLocation[prev];
                leave = serviceStart[k][position - 1] + p.service[prev];
            }
            long start = Math.max(leave + tt[before][loc], p.ready[visit]);
            if (start > p.due[visit]) {
                return false;
            }
            long done = start + p.service[visit];
            if (position == size[k]) {
                return done + tt[loc][p.depotLocation[k]] <= p.shiftEnd[k];
            }
            int next = route[k][position];
            return done + tt[loc][p.visitLocation[next]] <= latestStart[k][position];
        }
    }

    /** Turns the working solution's lists into the given ones, one list-variable change at a time. */
    private record Rearrange(PlanningListVariableMetaModel<RoutePlan, Van, Visit> variable, List<Van> vans,
                             List<List<Visit>> order) implements Move<RoutePlan> {

        @Override
        public void execute(MutableSolutionView<RoutePlan> view) {
            for (int k = 0; k < vans.size(); k++) {
                Van van = vans.get(k);
                List<Visit> target = order.get(k);
                for (int i = 0; i < target.size(); i++) {
                    Visit visit = target.get(i);
                    ElementPosition at = view.getPositionOf(variable, visit);
                    if (!(at instanceof PositionInList position)) {
                        view.assignValueAndAdd(variable, visit, van, i);
                    } else if (position.entity() != van) {
                        view.moveValueBetweenLists(variable, (Van) position.entity(), position.index(), van, i);
                    } else if (position.index() != i) {
                        view.moveValueInList(variable, van, position.index(), i);
                    }
                }
            }
        }
    }
}
