# Branching to a label that is never defined is an assembly error.
    branch NOWHERE
    end
