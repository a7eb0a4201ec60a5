# pop_eh with no handler installed throws "No handler to delete."
    pop_eh
    say "not reached"
    end
