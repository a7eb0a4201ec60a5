# An out operand must be a register, not a constant.
    set 5, I0
    end
