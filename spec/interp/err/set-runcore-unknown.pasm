# A run core Parrot does not have throws.
    set_runcore "turbo"
    end
