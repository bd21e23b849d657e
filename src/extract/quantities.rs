//! Placeholder until the claims branch lands.
