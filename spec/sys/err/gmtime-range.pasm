# A time whose year C's int cannot hold is out of range, as gmtime's EOVERFLOW.
    gmtime S0, 9223372036854775807
    end
