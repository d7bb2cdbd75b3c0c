"""The demo office: realistic people, contracts and two years of billing."""
