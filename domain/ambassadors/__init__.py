"""The National Program for Quality Ambassadors: memberships, tracks, activities."""
