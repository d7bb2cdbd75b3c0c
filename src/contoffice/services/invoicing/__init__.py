"""Invoice rules every capability shares: nosso número, due dates, new and reissued invoices."""
