# Concurrent file copies, one task per file.
#
# main writes two source files under /tmp, then starts one Task per file. Each task copies
# its file with a loop of asynchronous `read`s and `write`s of 4 KiB chunks, waiting on each
# request, so only that task parks while the file worker pool does the IO and the other copy
# runs meanwhile. The tasks print nothing (how their chunks interleave depends on the OS);
# each records its counts in its job Hash, and main joins both tasks and then reports, in a
# fixed order, so the output does not depend on timing.
.include 'stat.pasm'

.sub main :main
    # A name no other run uses at the same moment: the time in microseconds.
    $N0 = time
    $N0 *= 1000000
    $I0 = $N0
    $S0 = $I0
    .local string base
    base = "/tmp/kea-example-file-copy-" . $S0

    .local pmc jobs, job, task, copier
    jobs = new 'ResizablePMCArray'
    copier = get_global 'copy'
    job = make_job(base, "alpha", 2000)
    push jobs, job
    job = make_job(base, "beta", 700)
    push jobs, job

    # Start one task per job; each gets its job as the argument of `copy`.
    .local pmc tasks
    tasks = new 'ResizablePMCArray'
    .local int i, n
    n = elements jobs
    i = 0
start:
    job = jobs[i]
    task = new 'Task'
    task.'code'(copier)
    task.'data'(job)
    schedule task
    push tasks, task
    inc i
    if i < n goto start

    # Join: `wait` on a Task parks main until that task has ended.
    i = 0
join:
    task = tasks[i]
    wait task
    inc i
    if i < n goto join
    say "both copies finished"

    # Verify each copy: the copier's count, the size on disk and the bytes themselves.
    i = 0
verify:
    job = jobs[i]
    check(job)
    inc i
    if i < n goto verify

    # Kea has no op to delete a file, so the best cleanup is to leave the files empty.
    i = 0
cleanup:
    job = jobs[i]
    $S1 = job["src"]
    truncate($S1)
    $S1 = job["dst"]
    truncate($S1)
    inc i
    if i < n goto cleanup
    say "cleaned up"
.end

# Writes a source file of `lines` numbered lines and returns its job Hash.
.sub make_job
    .param string base
    .param string name
    .param int lines
    .local pmc job, fh
    .local string src, line
    src = base . "-"
    src .= name
    src .= ".txt"
    job = new 'Hash'
    job["name"] = name
    job["src"] = src
    $S0 = src . ".copy"
    job["dst"] = $S0
    fh = open src, "w"
    .local int i
    i = 1
next_line:
    $S1 = i
    line = name . " line "
    line .= $S1
    line .= "\n"
    print fh, line
    inc i
    if i <= lines goto next_line
    close fh
    $I0 = stat src, .STAT_FILESIZE
    job["size"] = $I0
    print "wrote "
    print name
    print ": "
    print lines
    print " lines, "
    print $I0
    say " bytes"
    .return (job)
.end

# The body of a copy task: its one argument is its job.
.sub copy
    .param pmc job
    .local pmc nocb, req, in, out
    .local string src, dst, chunk
    .local int total, chunks
    null nocb                         # no callback: this task waits on each request instead
    src = job["src"]
    dst = job["dst"]
    req = open src, "r", nocb
    wait req
    in = req.'return'()
    req = open dst, "w", nocb
    wait req
    out = req.'return'()
    total = 0
    chunks = 0
loop:
    req = read in, 4096, nocb
    wait req
    chunk = req.'return'()
    $I0 = length chunk
    unless $I0 goto eof              # an empty string means end of file
    req = write out, chunk, nocb
    wait req
    total += $I0
    inc chunks
    goto loop
eof:
    req = close in, nocb
    wait req
    req = close out, nocb
    wait req
    job["copied"] = total
    job["chunks"] = chunks
.end

# Prints one job's report: what the task counted, and whether the copy matches its source.
.sub check
    .param pmc job
    .local string name, src, dst
    name = job["name"]
    src = job["src"]
    dst = job["dst"]
    $I0 = job["size"]
    $I1 = job["copied"]
    $I2 = job["chunks"]
    $I3 = stat dst, .STAT_FILESIZE
    print name
    print ": copied "
    print $I1
    print " bytes in "
    print $I2
    print " chunks; copy size "
    print $I3
    if $I0 != $I3 goto differ
    if $I1 != $I3 goto differ
    $S0 = slurp(src)
    $S1 = slurp(dst)
    if $S0 != $S1 goto differ
    say ", contents match"
    .return ()
differ:
    say ", MISMATCH"
.end

# The whole content of a file.
.sub slurp
    .param string path
    $P0 = open path, "r"
    $S0 = $P0.'readall'()
    close $P0
    .return ($S0)
.end

# Empties a file: opening it for writing truncates it.
.sub truncate
    .param string path
    $P0 = open path, "w"
    close $P0
.end
